package org.ewea.alerts.delivery;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.ewea.alerts.event.AlertEvent;

/**
 * Sends the event as a plain-text e-mail through SMTP (Jakarta Mail, Eclipse Angus). The TLP marking leads the
 * subject and the body, as TLP 2.0 asks of marked material.
 */
public final class EmailSender implements Sender {

    private final SmtpSettings smtp;
    private final Session session;

    public EmailSender(SmtpSettings smtp) {
        this.smtp = smtp;
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        if (smtp.startTls()) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        Authenticator auth = null;
        if (smtp.username() != null) {
            props.put("mail.smtp.auth", "true");
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(smtp.username(), smtp.password());
                }
            };
        }
        this.session = Session.getInstance(props, auth);
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Subscription subscription, AlertEvent event, byte[] body) throws DeliveryFailure {
        if (subscription.email() == null) {
            throw new DeliveryFailure("the subscription has no e-mail address", true);
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(smtp.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(subscription.email(), true));
            message.setSubject(
                    "[" + event.tlp().label() + "] EW/EA alert " + event.type() + ": " + event.title(),
                    StandardCharsets.UTF_8.name());
            message.setHeader("X-EWEA-Event", Long.toString(event.sequence()));
            message.setText(text(subscription, event), StandardCharsets.UTF_8.name());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new DeliveryFailure("SMTP " + smtp.host() + ":" + smtp.port() + ": " + e.getMessage(), e);
        }
    }

    static String text(Subscription subscription, AlertEvent e) {
        StringBuilder text = new StringBuilder();
        text.append(e.tlp().label()).append('\n').append('\n');
        text.append(e.title()).append('\n').append('\n');
        text.append("Event: ").append(e.type()).append(" (").append(e.at()).append(")\n");
        text.append("State: ").append(e.state()).append('\n');
        text.append("Subject: ")
                .append(e.subject().label())
                .append(" (")
                .append(e.subject().kind())
                .append(")\n");
        if (e.stage() != null) {
            text.append("Stage: ").append(e.stage()).append('\n');
        }
        if (e.priority() != null) {
            text.append("Priority: ").append(e.priority()).append('\n');
        }
        if (e.score() != null) {
            text.append(String.format(Locale.ROOT, "Score: %.0f%%%n", 100 * e.score()));
        }
        if (e.grade() != null) {
            text.append("Best evidence grade: ").append(e.grade()).append('\n');
        }
        if (e.note() != null) {
            text.append('\n').append(e.note()).append('\n');
        }
        text.append('\n')
                .append("Alert ")
                .append(e.alertId())
                .append(" - subscription '")
                .append(subscription.name())
                .append("'.\n");
        return text.toString();
    }
}
