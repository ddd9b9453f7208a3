//! The test message `ctopulse init` sends to prove the configured transport delivers.

use super::OutgoingEmail;
use crate::domain::locale::Locale;

/// A short plain message to `to` saying where it came from; no link, no secret.
pub fn message(to: &str, name: &str, company: &str, public_url: &str) -> OutgoingEmail {
    let text = format!(
        "Hello {name},\n\nThis is a test email from ctopulse for {company}, sent by `ctopulse init`.\n\
         If you are reading it, survey invitations and reminders can reach your staff.\n\n\
         The service's address: {public_url}\n"
    );
    let html = format!(
        "<!doctype html><html lang=\"en\"><body><p>Hello {},</p>\
         <p>This is a test email from ctopulse for {}, sent by <code>ctopulse init</code>. \
         If you are reading it, survey invitations and reminders can reach your staff.</p>\
         <p>The service's address: {}</p></body></html>",
        escape(name),
        escape(company),
        escape(public_url)
    );
    OutgoingEmail {
        to: to.to_string(),
        to_name: name.to_string(),
        locale: Locale::En,
        subject: format!("ctopulse test email for {company}"),
        text,
        html,
    }
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_escaped_in_html_only() {
        let m = super::message("a@example.com", "Ada <b>", "Acme & Co", "https://x.example");
        assert!(m.html.contains("Ada &lt;b&gt;") && m.html.contains("Acme &amp; Co"));
        assert!(m.text.contains("Hello Ada <b>,"));
        assert_eq!(m.subject, "ctopulse test email for Acme & Co");
    }
}
