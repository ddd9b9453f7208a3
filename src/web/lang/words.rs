//! The staff pages' fixed words, read once per language from `locales/<code>/staff.ftl`.
//! German addresses staff with "Sie", Dutch with "je" (as the survey does), Korean in the
//! polite 합니다체.

use crate::domain::locale::Locale;

crate::i18n::fluent_struct! {
    /// The staff layout around every signed-in page.
    pub struct Chrome {
        /// The navigation's name for screen readers.
        pub nav_label: "staff-nav-label",
        pub sign_out: "staff-sign-out",
    }
}

crate::i18n::fluent_struct! {
    /// The sign-in page.
    pub struct SignIn {
        pub title: "staff-signin-title",
        pub error_prefix: "staff-error-prefix",
        pub intro: "staff-signin-intro",
        pub signed_out: "staff-signin-signed-out",
        /// With `{provider}`.
        pub provider_sign_out: "staff-signin-provider-sign-out",
        /// Stands for `{provider}` when the provider has no name.
        pub your_provider: "staff-signin-your-provider",
        /// With `{provider}`.
        pub with_provider: "staff-signin-with-provider",
        pub or_password: "staff-signin-or-password",
        pub email: "staff-field-email",
        pub password: "staff-field-password",
        pub passwords_off: "staff-signin-passwords-off",
        pub expired: "staff-signin-expired",
        pub empty: "staff-signin-empty",
        pub not_email: "staff-signin-not-email",
        pub too_long: "staff-signin-too-long",
        /// The same words for an unknown email, a wrong password and a disabled account.
        pub rejected: "staff-signin-rejected",
    }
}

crate::i18n::fluent_struct! {
    /// The first-run setup page.
    pub struct Setup {
        pub title: "staff-setup-title",
        pub error_prefix: "staff-error-prefix",
        pub heading: "staff-setup-heading",
        pub intro: "staff-setup-intro",
        /// With `{command}`, shown as code.
        pub cli: "staff-setup-cli",
        pub email: "staff-field-email",
        pub name: "staff-field-name",
        pub password: "staff-setup-password",
        pub repeat: "staff-setup-repeat",
        pub submit: "staff-setup-submit",
        pub expired: "staff-setup-expired",
        pub bad_email: "staff-setup-bad-email",
        pub bad_name: "staff-setup-bad-name",
        pub differ: "staff-setup-differ",
    }
}

crate::i18n::fluent_struct! {
    /// The error page a browser gets; each status's title and its words when the error
    /// brings none of its own.
    pub struct ErrorWords {
        pub home: "staff-error-home",
        /// With `{status}`.
        pub status: "staff-error-status",
        pub bad_request: ["staff-error-400-title", "staff-error-400-body"],
        pub sign_in: ["staff-error-401-title", "staff-error-401-body"],
        pub forbidden: ["staff-error-403-title", "staff-error-403-body"],
        pub not_found: ["staff-error-404-title", "staff-error-404-body"],
        pub method: ["staff-error-405-title", "staff-error-405-body"],
        pub conflict: ["staff-error-409-title", "staff-error-409-body"],
        pub too_large: ["staff-error-413-title", "staff-error-413-body"],
        pub too_many: ["staff-error-429-title", "staff-error-429-body"],
        pub unavailable: ["staff-error-503-title", "staff-error-503-body"],
        pub ours: ["staff-error-500-title", "staff-error-500-body"],
        pub other: ["staff-error-other-title", "staff-error-other-body"],
    }
}

impl ErrorWords {
    /// The title and default words for an error status.
    pub fn for_status(&self, status: u16) -> [&'static str; 2] {
        match status {
            400 => self.bad_request,
            401 => self.sign_in,
            403 => self.forbidden,
            404 => self.not_found,
            405 => self.method,
            409 => self.conflict,
            413 => self.too_large,
            429 => self.too_many,
            503 => self.unavailable,
            500..=599 => self.ours,
            _ => self.other,
        }
    }
}

/// `text` split around its `{placeholder}`, for a template that puts markup there.
pub fn around(text: &'static str, placeholder: &str) -> (&'static str, &'static str) {
    text.split_once(placeholder).unwrap_or((text, ""))
}

/// The staff layout's words in `locale`.
pub fn chrome(locale: Locale) -> &'static Chrome {
    Chrome::of(locale)
}

/// The sign-in page's words in `locale`.
pub fn sign_in(locale: Locale) -> &'static SignIn {
    SignIn::of(locale)
}

/// The setup page's words in `locale`.
pub fn setup(locale: Locale) -> &'static Setup {
    Setup::of(locale)
}

/// The error page's words in `locale`.
pub fn errors(locale: Locale) -> &'static ErrorWords {
    ErrorWords::of(locale)
}

/// Every Fluent key the staff pages read.
pub fn keys() -> Vec<&'static str> {
    [
        Chrome::keys(),
        SignIn::keys(),
        Setup::keys(),
        ErrorWords::keys(),
        super::FLUENT_KEYS.to_vec(),
    ]
    .concat()
}
