# Sends one message with Ruby's Net::SMTP as an app would, and prints the
# error as a Rails log shows it ("Class: message"). Settings come from
# SMTP_* variables (see crates/probe/tests/explain_corpus.rs).
require "net/smtp"
require "openssl"

env = ENV
ctx = OpenSSL::SSL::SSLContext.new
ctx.set_params(verify_mode: OpenSSL::SSL::VERIFY_PEER)
ctx.cert_store = OpenSSL::X509::Store.new.tap do |store|
  env["SMTP_CA"].to_s.empty? ? store.set_default_paths : store.add_file(env["SMTP_CA"])
end
smtp = Net::SMTP.new(env["SMTP_HOST"], Integer(env["SMTP_PORT"]))
smtp.open_timeout = 4
smtp.read_timeout = 4
case env["SMTP_SECURITY"]
when "tls" then smtp.enable_tls(ctx)
when "starttls" then smtp.enable_starttls(ctx)
else smtp.disable_starttls
end
message = "From: #{env["SMTP_FROM"]}\r\nTo: #{env["SMTP_TO"]}\r\nSubject: corpus\r\n\r\ncorpus\r\n"
begin
  user = env["SMTP_USER"].to_s
  args = user.empty? ? ["localhost"] : ["localhost", user, env["SMTP_PASS"], :plain]
  smtp.start(*args) do |s|
    s.send_message(message, env["SMTP_FROM"], env["SMTP_TO"])
  end
  puts "OK"
rescue StandardError, Timeout::Error => e
  puts "#{e.class}: #{e.message}"
end
