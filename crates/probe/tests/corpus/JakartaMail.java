// Sends one message with Jakarta Mail (Debian's libjakarta-mail-java) as an
// app would, and prints the exception as a log shows it
// (`e.toString()`, with its cause). Settings come from SMTP_* variables
// (see crates/probe/tests/explain_corpus.rs); a CA goes in through
// javax.net.ssl.trustStore, set by the test.
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.Properties;

public class JakartaMail {
    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        String security = env.get("SMTP_SECURITY");
        Properties p = new Properties();
        String proto = security.equals("tls") ? "smtps" : "smtp";
        p.put("mail.transport.protocol", proto);
        p.put("mail." + proto + ".host", env.get("SMTP_HOST"));
        p.put("mail." + proto + ".port", env.get("SMTP_PORT"));
        p.put("mail." + proto + ".connectiontimeout", "4000");
        p.put("mail." + proto + ".timeout", "4000");
        p.put("mail." + proto + ".ssl.checkserveridentity", "true");
        if (security.equals("starttls")) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        String user = env.getOrDefault("SMTP_USER", "");
        p.put("mail." + proto + ".auth", user.isEmpty() ? "false" : "true");
        try {
            Session session = Session.getInstance(p);
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress(env.get("SMTP_FROM")));
            m.setRecipient(Message.RecipientType.TO, new InternetAddress(env.get("SMTP_TO")));
            m.setSubject("corpus");
            m.setText("corpus");
            Transport t = session.getTransport(proto);
            t.connect(env.get("SMTP_HOST"), user.isEmpty() ? null : user, user.isEmpty() ? null : env.get("SMTP_PASS"));
            t.sendMessage(m, m.getAllRecipients());
            t.close();
            System.out.println("OK");
        } catch (Exception e) {
            StringBuilder out = new StringBuilder(e.toString());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) out.append("\nCaused by: ").append(c);
            System.out.println(out);
        }
    }
}
