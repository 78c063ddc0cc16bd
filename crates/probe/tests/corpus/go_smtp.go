// Sends one message with Go's net/smtp as an app would, and prints the
// error as `log.Print(err)` shows it. Settings come from SMTP_* variables
// (see crates/probe/tests/explain_corpus.rs).
package main

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/smtp"
	"os"
	"strings"
	"time"
)

func main() {
	if err := send(); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("OK")
}

func send() error {
	host, port, security := os.Getenv("SMTP_HOST"), os.Getenv("SMTP_PORT"), os.Getenv("SMTP_SECURITY")
	config := &tls.Config{ServerName: host}
	if ca := os.Getenv("SMTP_CA"); ca != "" {
		pem, err := os.ReadFile(ca)
		if err != nil {
			return err
		}
		pool := x509.NewCertPool()
		pool.AppendCertsFromPEM(pem)
		config.RootCAs = pool
	}
	addr := net.JoinHostPort(host, port)
	raw, err := net.DialTimeout("tcp", addr, 4*time.Second)
	if err != nil {
		return err
	}
	raw.SetDeadline(time.Now().Add(4 * time.Second))
	var conn net.Conn = raw
	if security == "tls" {
		t := tls.Client(raw, config)
		if err := t.Handshake(); err != nil {
			return err
		}
		conn = t
	}
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		return err
	}
	defer c.Close()
	if security == "starttls" {
		if err := c.StartTLS(config); err != nil {
			return err
		}
	}
	if user := os.Getenv("SMTP_USER"); user != "" {
		if err := c.Auth(smtp.PlainAuth("", user, os.Getenv("SMTP_PASS"), host)); err != nil {
			return err
		}
	}
	if err := c.Mail(os.Getenv("SMTP_FROM")); err != nil {
		return err
	}
	if err := c.Rcpt(os.Getenv("SMTP_TO")); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	msg := "From: " + os.Getenv("SMTP_FROM") + "\r\nTo: " + os.Getenv("SMTP_TO") + "\r\nSubject: corpus\r\n\r\ncorpus\r\n"
	if _, err := w.Write([]byte(strings.ReplaceAll(msg, "\n.", "\n.."))); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}
