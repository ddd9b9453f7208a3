//! Loading, layering and checking settings.

use super::*;
use std::collections::HashMap;

fn load_with(
    file: Option<&str>,
    env: &[(&str, &str)],
    flags: FlagOverrides,
) -> Result<Settings, ConfigError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ctopulse.toml");
    if let Some(text) = file {
        std::fs::write(&path, text).unwrap();
    }
    let env: HashMap<String, String> = env
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let lookup = move |k: &str| env.get(k).cloned();
    Settings::load(file.map(|_| path.as_path()), &lookup, &flags)
}

#[test]
fn defaults_match_the_design() {
    let s = load_with(None, &[], FlagOverrides::default()).unwrap();
    assert_eq!(s.database.url, DatabaseUrl::Sqlite("ctopulse.db".into()));
    assert_eq!(s.server.bind.to_string(), "127.0.0.1:8080");
    assert_eq!(s.mail.transport, MailTransport::File);
    assert_eq!(s.mail.dir, PathBuf::from("./mail"));
    assert_eq!(s.anonymity.k, 5);
    assert_eq!(s.anonymity.comment_threshold, 10);
    assert_eq!(s.weights[&Department::Sales], 35.0);
    assert_eq!(s.server.public_url, "http://127.0.0.1:8080");
    assert_eq!(s.thresholds.csat_coverage, 0.60);
}

#[test]
fn the_coverage_threshold_is_a_share() {
    let s = load_with(
        Some("[thresholds]\ncsat_coverage = 0.5\n"),
        &[],
        FlagOverrides::default(),
    )
    .unwrap();
    assert_eq!(s.thresholds.csat_coverage, 0.5);
    for bad in ["1.5", "-0.1"] {
        let e = load_with(
            Some(&format!("[thresholds]\ncsat_coverage = {bad}\n")),
            &[],
            FlagOverrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("thresholds.csat_coverage") && e.contains("between 0 and 1"),
            "{e}"
        );
    }
}

#[test]
fn flags_beat_environment_beat_file() {
    let file = "[database]\nurl = \"sqlite://from-file.db\"\n[server]\nbind = \"127.0.0.1:1000\"\npublic_url = \"https://pulse.example.com/\"\n";
    let s = load_with(
        Some(file),
        &[
            ("CTOPULSE_DATABASE_URL", "sqlite://from-env.db"),
            ("CTOPULSE_BIND", "127.0.0.1:2000"),
        ],
        FlagOverrides {
            bind: Some("127.0.0.1:3000".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(s.database.url, DatabaseUrl::Sqlite("from-env.db".into()));
    assert_eq!(s.server.bind.to_string(), "127.0.0.1:3000");
    assert_eq!(s.server.public_url, "https://pulse.example.com");
    assert!(s.is_https());
}

#[test]
fn database_url_forms() {
    assert!(matches!(
        DatabaseUrl::parse("postgres://u@h/db"),
        Ok(DatabaseUrl::Postgres(_))
    ));
    assert!(matches!(
        DatabaseUrl::parse("postgresql://u@h/db"),
        Ok(DatabaseUrl::Postgres(_))
    ));
    assert_eq!(
        DatabaseUrl::parse("sqlite://a/b.db"),
        Ok(DatabaseUrl::Sqlite("a/b.db".into()))
    );
    assert_eq!(
        DatabaseUrl::parse("sqlite:b.db"),
        Ok(DatabaseUrl::Sqlite("b.db".into()))
    );
    assert_eq!(
        DatabaseUrl::parse("/var/x.db"),
        Ok(DatabaseUrl::Sqlite("/var/x.db".into()))
    );
    assert!(DatabaseUrl::parse("mysql://h/db").is_err());
    assert!(DatabaseUrl::parse("").is_err());
    assert!(DatabaseUrl::parse("sqlite://").is_err());
}

#[test]
fn bad_values_name_key_and_source() {
    let e = load_with(
        None,
        &[("CTOPULSE_MAIL_TRANSPORT", "pigeon")],
        FlagOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("mail.transport")
            && e.contains("CTOPULSE_MAIL_TRANSPORT")
            && e.contains("pigeon"),
        "{e}"
    );

    let e = load_with(Some("[anonymity]\nk = 2\n"), &[], FlagOverrides::default())
        .unwrap_err()
        .to_string();
    assert!(e.contains("anonymity.k") && e.contains("3–50"), "{e}");

    let e = load_with(
        Some("[anonymity]\nk = 20\ncomment_threshold = 10\n"),
        &[],
        FlagOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("comment_threshold"), "{e}");

    let e = load_with(
        None,
        &[("CTOPULSE_TIMEZONE", "Mars/Olympus")],
        FlagOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("timezone"), "{e}");

    let e = load_with(
        None,
        &[("CTOPULSE_MAIL_TRANSPORT", "smtp")],
        FlagOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("mail.smtp_url"), "{e}");

    let e = load_with(
        Some("[weights]\nsales = -1\n"),
        &[],
        FlagOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("weights.sales"), "{e}");

    let e = load_with(
        None,
        &[("CTOPULSE_TRUSTED_PROXIES", "10.0.0.0/99")],
        FlagOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("server.trusted_proxies"), "{e}");
}

#[test]
fn unknown_file_keys_are_rejected_with_their_line() {
    let e = load_with(
        Some("company_name = \"A\"\n\n[mail]\ntransprot = \"file\"\n"),
        &[],
        FlagOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("transprot") && e.contains("line 4"), "{e}");
}

#[test]
fn secrets_are_masked_when_shown() {
    let s = load_with(
        None,
        &[
            (
                "CTOPULSE_DATABASE_URL",
                "postgres://app:hunter2hunter2@db/pulse",
            ),
            ("CTOPULSE_MAIL_TRANSPORT", "smtp"),
            (
                "CTOPULSE_SMTP_URL",
                "smtps://mailer:sm7p-pa55@smtp.example.com:465",
            ),
        ],
        FlagOverrides::default(),
    )
    .unwrap();
    let shown = s.to_masked_toml();
    assert!(
        !shown.contains("hunter2") && !shown.contains("sm7p-pa55"),
        "{shown}"
    );
    assert!(shown.contains("postgres://app:****@db/pulse"), "{shown}");
    assert!(!format!("{s:?}").contains("hunter2"));
}

#[test]
fn trusted_proxy_blocks_match() {
    let b = IpBlock::parse("10.1.0.0/16").unwrap();
    assert!(b.contains("10.1.200.3".parse().unwrap()));
    assert!(!b.contains("10.2.0.1".parse().unwrap()));
    assert!(IpBlock::parse("::1")
        .unwrap()
        .contains("::1".parse().unwrap()));
    assert!(IpBlock::parse("0.0.0.0/0")
        .unwrap()
        .contains("8.8.8.8".parse().unwrap()));
}

#[test]
fn errors_name_the_file_line_or_flag() {
    let e = load_with(
        Some("company_name = \"A\"\n\n[mail]\nretry_limit_hours = 999\n"),
        &[],
        FlagOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("mail.retry_limit_hours") && e.contains("line 4") && e.contains("1–336"),
        "{e}"
    );

    let e = load_with(
        None,
        &[("CTOPULSE_BIND", "127.0.0.1:1")],
        FlagOverrides {
            bind: Some("nowhere".into()),
            ..Default::default()
        },
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("server.bind") && e.contains("flag --bind") && e.contains("nowhere"),
        "{e}"
    );

    let e = load_with(Some("k = [\n"), &[], FlagOverrides::default())
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 1"), "{e}");
}

#[test]
fn database_url_falls_back_to_database_url_variable() {
    let s = load_with(
        None,
        &[("DATABASE_URL", "sqlite://plain.db")],
        FlagOverrides::default(),
    )
    .unwrap();
    assert_eq!(s.database.url, DatabaseUrl::Sqlite("plain.db".into()));
    let s = load_with(
        None,
        &[
            ("DATABASE_URL", "sqlite://plain.db"),
            ("CTOPULSE_DATABASE_URL", "sqlite://ours.db"),
        ],
        FlagOverrides::default(),
    )
    .unwrap();
    assert_eq!(s.database.url, DatabaseUrl::Sqlite("ours.db".into()));
}

#[test]
fn show_says_where_values_came_from() {
    let s = load_with(
        Some("[anonymity]\nk = 7\n"),
        &[("CTOPULSE_TRUSTED_PROXIES", "10.0.0.0/8, ::1")],
        FlagOverrides {
            mail_dir: Some("/var/mail/pulse".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(s.server.trusted_proxies.len(), 2);
    let shown = s.to_masked_toml();
    assert!(shown.contains("#   anonymity.k: "), "{shown}");
    assert!(
        shown.contains("#   server.trusted_proxies: environment CTOPULSE_TRUSTED_PROXIES"),
        "{shown}"
    );
    assert!(shown.contains("#   mail.dir: flag --mail-dir"), "{shown}");
    assert!(
        !shown.contains("#   timezone"),
        "defaults are not listed: {shown}"
    );
}

// --- retention (privacy lifecycle) ---
#[test]
fn retention_defaults_to_eight_quarters_and_refuses_zero_or_negative() {
    let s = load_with(None, &[], FlagOverrides::default()).unwrap();
    assert_eq!(s.retention.raw_answers_quarters, 8);
    let s = load_with(
        Some("[retention]\nraw_answers_quarters = 3\n"),
        &[],
        FlagOverrides::default(),
    )
    .unwrap();
    assert_eq!(s.retention.raw_answers_quarters, 3);
    for bad in ["0", "-2"] {
        let e = load_with(
            Some(&format!("[retention]\nraw_answers_quarters = {bad}\n")),
            &[],
            FlagOverrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("retention.raw_answers_quarters")
                && e.contains("at least 1")
                && e.contains("line 2"),
            "{e}"
        );
    }
}
// --- end retention ---

#[test]
fn drivers_need_twenty_complete_answers_by_default_and_refuse_fewer_than_three() {
    let s = load_with(None, &[], FlagOverrides::default()).unwrap();
    assert_eq!(s.drivers.min_respondents, 20);
    let s = load_with(
        Some("[drivers]\nmin_respondents = 50\n"),
        &[],
        FlagOverrides::default(),
    )
    .unwrap();
    assert_eq!(s.drivers.min_respondents, 50);
    for bad in ["2", "0", "10001"] {
        let e = load_with(
            Some(&format!("[drivers]\nmin_respondents = {bad}\n")),
            &[],
            FlagOverrides::default(),
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("drivers.min_respondents") && e.contains("outside 3–10000"),
            "{e}"
        );
    }
}
// --- strict mode (works council) ---

#[test]
fn strict_mode_is_off_by_default_and_raises_what_new_rounds_get() {
    let s = load_with(None, &[], FlagOverrides::default()).unwrap();
    assert!(!s.anonymity.strict_mode);
    assert_eq!(s.anonymity.round_k(), 5);
    assert_eq!(s.anonymity.round_comment_threshold(5), 10);

    // k = 12 stays (already above 10); the comment threshold 15 is raised to 20.
    let file = "[anonymity]\nk = 12\ncomment_threshold = 15\nstrict_mode = true\nboard_sees_comments = true\n";
    let s = load_with(Some(file), &[], FlagOverrides::default()).unwrap();
    assert_eq!(s.anonymity.round_k(), 12);
    assert_eq!(s.anonymity.round_comment_threshold(12), 20);
    assert_eq!(s.anonymity.floor().k, 10);
    assert!(!s.anonymity.board_reads_comments(), "never in strict mode");

    let s = load_with(
        Some("[anonymity]\nboard_sees_comments = true\n"),
        &[("CTOPULSE_STRICT_MODE", "true")],
        FlagOverrides::default(),
    )
    .unwrap();
    assert!(s.anonymity.strict_mode);
    assert_eq!(
        (
            s.anonymity.round_k(),
            s.anonymity.round_comment_threshold(10)
        ),
        (10, 20)
    );
    assert!(!s.anonymity.board_reads_comments());
}

#[test]
fn strict_mode_from_the_environment_must_be_true_or_false() {
    let e = load_with(
        None,
        &[("CTOPULSE_STRICT_MODE", "on")],
        FlagOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("anonymity.strict_mode") && e.contains("CTOPULSE_STRICT_MODE"),
        "{e}"
    );
    let s = load_with(
        None,
        &[("CTOPULSE_STRICT_MODE", "false")],
        FlagOverrides::default(),
    )
    .unwrap();
    assert!(!s.anonymity.strict_mode);
}

#[test]
fn time_split_targets_default_to_the_article_and_must_add_up_to_100() {
    let s = load_with(None, &[], FlagOverrides::default()).unwrap();
    assert_eq!(
        s.time_split.targets().unwrap(),
        crate::domain::time_split::Targets::default()
    );
    assert!(!s.time_split.keep_titles);
    let e = load_with(
        Some("[time_split]\ntarget_sales = 50\n"),
        &[],
        FlagOverrides::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("time_split.target_sales") && e.contains("add up to 100"),
        "{e}"
    );
}

#[test]
fn reminders_cool_down_for_a_day_and_schedules_send_at_nine_by_default() {
    let s = load_with(None, &[], FlagOverrides::default()).unwrap();
    assert_eq!(s.reminders.cooldown_hours, 24);
    assert_eq!(s.reminders.cooldown(), time::Duration::hours(24));
    assert_eq!(s.schedules.send_hour, 9);
    let s = load_with(
        Some("[reminders]\ncooldown_hours = 48\n[schedules]\nsend_hour = 7\n"),
        &[],
        FlagOverrides::default(),
    )
    .unwrap();
    assert_eq!((s.reminders.cooldown_hours, s.schedules.send_hour), (48, 7));
    for (toml, key) in [
        (
            "[reminders]\ncooldown_hours = 0\n",
            "reminders.cooldown_hours",
        ),
        (
            "[reminders]\ncooldown_hours = 337\n",
            "reminders.cooldown_hours",
        ),
        ("[schedules]\nsend_hour = 24\n", "schedules.send_hour"),
        ("[schedules]\nsend_hours = 8\n", "send_hours"),
    ] {
        let e = load_with(Some(toml), &[], FlagOverrides::default())
            .unwrap_err()
            .to_string();
        assert!(e.contains(key), "{toml}: {e}");
    }
}

#[test]
fn the_example_file_loads_and_holds_the_defaults() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ctopulse.example.toml");
    let s = Settings::load(Some(&path), &|_| None, &FlagOverrides::default()).unwrap();
    assert!(!s.oidc.enabled());
    assert_eq!(s.oidc, OidcSettings::default());
}
