//! The staff pages speak the browser's language (Accept-Language), English by default.

use crate::helpers::TestApp;
use crate::staff_support::{add_user, plain_client, sign_in};
use ctopulse::auth::Role;

async fn page(app: &TestApp, path: &str, cookie: Option<&str>, lang: Option<&str>) -> String {
    let mut req = plain_client()
        .get(format!("{}{path}", app.address))
        .header(reqwest::header::ACCEPT, "text/html");
    if let Some(c) = cookie {
        req = req.header(reqwest::header::COOKIE, c);
    }
    if let Some(l) = lang {
        req = req.header(reqwest::header::ACCEPT_LANGUAGE, l);
    }
    req.send()
        .await
        .expect("request")
        .text()
        .await
        .expect("body")
}

#[tokio::test]
async fn the_first_run_and_sign_in_pages_follow_accept_language() {
    let app = TestApp::spawn().await;
    let setup = page(&app, "/setup", None, Some("ko-KR,ko;q=0.9")).await;
    assert!(setup.contains(r#"<html lang="ko">"#), "{setup}");
    assert!(setup.contains("첫 관리자 계정 만들기"), "{setup}");
    assert!(setup.contains("<code>ctopulse init</code>"), "{setup}");
    let setup = page(&app, "/setup", None, None).await;
    assert!(setup.contains("Create the first admin"), "{setup}");

    let login = page(&app, "/login", None, Some("de-DE,de;q=0.9,en;q=0.5")).await;
    assert!(login.contains(r#"<html lang="de">"#), "{login}");
    assert!(login.contains("<h1>Anmelden</h1>"), "{login}");
    assert!(login.contains("Passwort"), "{login}");
    let login = page(&app, "/login", None, Some("nl")).await;
    assert!(login.contains(r#"<html lang="nl">"#), "{login}");
    assert!(login.contains("<h1>Aanmelden</h1>"), "{login}");
    // A language the product does not speak falls back to the default, English.
    let login = page(&app, "/login", None, Some("fr-FR")).await;
    assert!(login.contains(r#"<html lang="en">"#), "{login}");
    assert!(login.contains("<h1>Sign in</h1>"), "{login}");

    let missing = page(&app, "/no-such-page", None, Some("de")).await;
    assert!(missing.contains(r#"<html lang="de">"#), "{missing}");
    assert!(
        missing.contains("<h1>Seite nicht gefunden</h1>"),
        "{missing}"
    );
    assert!(missing.contains("Fehler 404"), "{missing}");
    let missing = page(&app, "/no-such-page", None, Some("ko")).await;
    assert!(missing.contains("페이지를 찾을 수 없습니다"), "{missing}");
}

#[tokio::test]
async fn signed_in_pages_carry_the_language_in_html_lang_and_the_navigation() {
    let app = TestApp::spawn().await;
    add_user(&app, "cto@acme.test", Role::Cto);
    add_user(&app, "admin@acme.test", Role::Admin);
    let cto = sign_in(&app, "cto@acme.test").await;
    let admin = sign_in(&app, "admin@acme.test").await;

    let en = page(&app, "/dashboard", Some(&cto.cookie), None).await;
    assert!(
        en.contains(r#"<html lang="en">"#),
        "English stays the default"
    );
    assert!(en.contains("Sign out") && en.contains("Time split"));

    let cases = [
        ("de", "Abmelden", "Zeitaufteilung"),
        ("ko", "로그아웃", "시간 배분"),
        ("nl", "Afmelden", "Tijdsverdeling"),
    ];
    for (lang, sign_out, time) in cases {
        let body = page(&app, "/dashboard", Some(&cto.cookie), Some(lang)).await;
        assert!(body.contains(&format!(r#"<html lang="{lang}">"#)), "{lang}");
        assert!(body.contains(sign_out), "{lang}: {body}");
        assert!(body.contains(time), "{lang}");
        assert!(!body.contains(">Sign out<"), "{lang}");
    }

    let de = page(&app, "/admin/users", Some(&admin.cookie), Some("de")).await;
    assert!(de.contains(r#"<html lang="de">"#), "{de}");
    assert!(
        de.contains(">Benutzer<") && de.contains(">Abteilungen<"),
        "{de}"
    );
    let forbidden = page(&app, "/admin", Some(&cto.cookie), Some("nl")).await;
    assert!(forbidden.contains("<h1>Geen toegang</h1>"), "{forbidden}");
    assert!(
        forbidden.contains("Je account heeft geen toegang tot deze pagina."),
        "the generic reason is said in the reader's language: {forbidden}"
    );
}

/// The words a page in one language must show, and the English ones it must not.
struct Expect {
    lang: &'static str,
    dashboard: &'static str,
    board: &'static str,
    measure_c: &'static str,
    sales: &'static str,
    bd: &'static str,
    register: &'static str,
    share: &'static str,
    /// Why measure B has no figure: no engineering-culture round closed in the quarter.
    no_culture_round: &'static str,
}

#[tokio::test]
async fn the_dashboard_and_the_board_page_bodies_follow_accept_language() {
    let app = TestApp::spawn().await;
    crate::pages::closed_round(&app).await;
    add_user(&app, "cto@acme.test", Role::Cto);
    add_user(&app, "board@acme.test", Role::Board);
    let cto = sign_in(&app, "cto@acme.test").await;
    let board = sign_in(&app, "board@acme.test").await;

    let cases = [
        Expect {
            lang: "de-DE,de;q=0.9",
            dashboard: "<h1>CTO-Dashboard</h1>",
            board: "<h1>Vorstand: Wie steht der CTO da?</h1>",
            measure_c: "Interne Kundenzufriedenheit (gewichtet)",
            sales: "Vertrieb",
            bd: "Business Development",
            register: "Register der Wendepunkte",
            // Sales' CSAT, 4 of 6, as German writes a share.
            share: "67\u{a0}%",
            no_culture_round:
                "keine abgeschlossene Umfrage zur Engineering-Kultur im 3. Quartal 2026",
        },
        Expect {
            lang: "ko",
            dashboard: "<h1>CTO 대시보드</h1>",
            board: "<h1>이사회: CTO는 잘하고 있는가?</h1>",
            measure_c: "내부 고객 만족도 (가중)",
            sales: "영업",
            bd: "사업개발",
            register: "변곡점 등록부",
            share: "67%",
            no_culture_round: "2026년 3분기에 마감된 엔지니어링 문화 설문 없음",
        },
    ];
    for e in cases {
        let lang = e.lang;
        let dash = page(&app, "/dashboard", Some(&cto.cookie), Some(lang)).await;
        let boardroom = page(&app, "/board", Some(&board.cookie), Some(lang)).await;
        for (name, body, h1) in [
            ("dashboard", &dash, e.dashboard),
            ("board", &boardroom, e.board),
        ] {
            assert!(body.contains(h1), "{lang} {name}: {body}");
            assert!(body.contains(e.measure_c), "{lang} {name}: {body}");
            assert!(body.contains(e.register), "{lang} {name}");
            assert!(body.contains(e.share), "{lang} {name}: {body}");
            // Items sit under the department names of the page's language.
            for dept in [e.sales, e.bd] {
                let heading = format!(
                    "<tr class=\"section\"><th scope=\"colgroup\" colspan=\"3\">{dept}</th>"
                );
                assert!(body.contains(&heading), "{lang} {name}: {dept}");
            }
            for english in [
                "Internal CSAT (weighted)",
                ">Sales</th>",
                ">Business development</th>",
                "Inflection-point register",
                "Reporting groups",
                "Items, all groups",
                "last eight quarters",
                "No inflection points yet",
            ] {
                assert!(
                    !body.contains(english),
                    "{lang} {name} still says {english:?}"
                );
            }
        }
        // The engine's reason for a missing figure, in the page's language.
        assert!(dash.contains(e.no_culture_round), "{lang}: {dash}");
        assert!(
            !dash.contains("no closed engineering-culture round"),
            "{lang}"
        );
        assert!(!dash.contains("<h1>CTO dashboard</h1>"), "{lang}");
        assert!(!dash.contains("Open rounds"), "{lang}");
        assert!(!boardroom.contains("Quarterly report"), "{lang}");
    }

    // No Accept-Language: English, as before.
    let en = page(&app, "/dashboard", Some(&cto.cookie), None).await;
    assert!(en.contains("<h1>CTO dashboard</h1>") && en.contains("Internal CSAT (weighted)"));
    assert!(en.contains("colspan=\"3\">Sales</th>"));
}

#[tokio::test]
async fn the_admin_list_and_a_round_page_follow_accept_language() {
    let app = TestApp::spawn().await;
    app.import_roster(crate::helpers::ROSTER);
    let round = app.launch("internal-csat", "2026Q3");
    add_user(&app, "admin@acme.test", Role::Admin);
    let admin = sign_in(&app, "admin@acme.test").await;
    let round_page = format!("/admin/rounds/{round}");

    let de = page(&app, "/admin", Some(&admin.cookie), Some("de")).await;
    assert!(de.contains("<h1>Verwaltung</h1>"), "{de}");
    assert!(
        de.contains("Runde anlegen") && de.contains("Entwurf anlegen"),
        "{de}"
    );
    assert!(de.contains(">Jetzt schließen…<"), "{de}");
    assert!(de.contains("Personen auf der Teilnehmerliste"), "{de}");
    for english in [
        "Create a round",
        "Close now",
        "people on the roster",
        ">Preview<",
    ] {
        assert!(!de.contains(english), "de still says {english:?}");
    }

    let ko = page(&app, &round_page, Some(&admin.cookie), Some("ko")).await;
    assert!(ko.contains("<h2>참여 현황</h2>"), "{ko}");
    assert!(ko.contains("<h2>설문 확인</h2>"), "{ko}");
    // Groups and the department picker use the page language's department names.
    assert!(ko.contains("<th scope=\"row\">영업</th>"), "{ko}");
    assert!(ko.contains(">엔지니어링·제품</option>"), "{ko}");
    for english in [
        "Participation",
        "Check the survey",
        ">Sales<",
        "Response rate",
    ] {
        assert!(!ko.contains(english), "ko still says {english:?}");
    }
    let nl = page(
        &app,
        &format!("{round_page}?confirm=close"),
        Some(&admin.cookie),
        Some("nl"),
    )
    .await;
    assert!(nl.contains("Deze ronde nu sluiten?"), "{nl}");
    assert!(!nl.contains("Close this round now?"), "{nl}");

    let roster = page(&app, "/admin/roster", Some(&admin.cookie), Some("nl")).await;
    assert!(
        roster.contains("<h2>Het deelnemersbestand uploaden</h2>"),
        "{roster}"
    );
    assert!(
        roster.contains("<th scope=\"row\">Verkoop</th>"),
        "{roster}"
    );
    assert!(!roster.contains("Upload the roster file"), "{roster}");

    let en = page(&app, &round_page, Some(&admin.cookie), None).await;
    assert!(en.contains("<h2>Participation</h2>") && en.contains(">Sales</th>"));
}

/// A settings page in one language: words it must show, English words it must not.
struct SettingsExpect {
    path: &'static str,
    present: &'static [&'static str],
    absent: &'static [&'static str],
}

#[tokio::test]
async fn the_settings_pages_follow_accept_language() {
    let app = TestApp::spawn().await;
    app.import_roster(crate::helpers::ROSTER);
    add_user(&app, "admin@acme.test", Role::Admin);
    let admin = sign_in(&app, "admin@acme.test").await;
    let get = |path: &'static str, lang: Option<&'static str>| {
        let (app, cookie) = (&app, admin.cookie.clone());
        async move { page(app, path, Some(&cookie), lang).await }
    };

    let german = [
        SettingsExpect {
            path: "/admin/departments",
            present: &[
                "<h1>Abteilungen und Gewichte</h1>",
                ">CSAT-Gewicht<",
                ">Gewichte speichern<",
                ">Vertrieb</label>",
            ],
            absent: &["Save weights", "Share now", ">Sales</label>"],
        },
        SettingsExpect {
            path: "/admin/users",
            present: &[
                ">Benutzer hinzufügen<",
                ">Letzte Anmeldung<",
                ">Sperren<",
                ">(Sie)<",
                ">Vorstand</option>",
            ],
            absent: &["Add a user", "Last sign-in", ">Disable<", "(you)"],
        },
        SettingsExpect {
            path: "/admin/schedules",
            present: &[
                "<h1>Zeitpläne</h1>",
                "Zeitplan festlegen",
                ">Zeitplan speichern<",
                "Noch keine Umfrage hat einen Zeitplan",
                "<a href=\"/admin\">Verwaltung</a>",
            ],
            absent: &["Set a schedule", "Save schedule", "Launch on day"],
        },
        SettingsExpect {
            path: "/admin/audit",
            present: &["<h1>Protokoll</h1>", ">Wann<", "letzten Aktionen"],
            absent: &["most recent staff actions", ">When<", ">Object<"],
        },
        SettingsExpect {
            path: "/dashboard/time",
            present: &[
                "<h1>Wohin die Zeit des CTO geht</h1>",
                ">Kalender importieren<",
                ">Regel hinzufügen<",
                ">Vertrieb / Kunden</option>",
            ],
            absent: &["Import a calendar", "Add rule", ">Sales / customers<"],
        },
    ];
    let korean = [
        SettingsExpect {
            path: "/admin/departments",
            present: &["<h1>부서와 가중치</h1>", ">가중치 저장<", ">영업</label>"],
            absent: &["Save weights", "Departments and weights"],
        },
        SettingsExpect {
            path: "/admin/users",
            present: &[">사용자 추가<", ">마지막 로그인<", ">관리자</option>"],
            absent: &["Add a user", "Last sign-in", ">New password<"],
        },
        SettingsExpect {
            path: "/admin/schedules",
            present: &[">일정 저장<", "일정이 있는 설문"],
            absent: &["Save schedule", "Surveys on a schedule"],
        },
        SettingsExpect {
            path: "/admin/audit",
            present: &["최신순", ">작업자<"],
            absent: &["newest first", ">Who<"],
        },
        SettingsExpect {
            path: "/dashboard/time",
            present: &[">캘린더 가져오기<", ">분류 규칙<", ">영업 / 고객</option>"],
            absent: &["Import a calendar", "Classification rules"],
        },
    ];
    for (lang, cases) in [("de-DE,de;q=0.9", &german), ("ko", &korean)] {
        for case in cases.iter() {
            let body = get(case.path, Some(lang)).await;
            for word in case.present {
                assert!(
                    body.contains(word),
                    "{lang} {}: {word:?}\n{body}",
                    case.path
                );
            }
            for english in case.absent {
                assert!(
                    !body.contains(english),
                    "{lang} {} still says {english:?}",
                    case.path
                );
            }
        }
    }

    // No Accept-Language: the English words, as before.
    let en = get("/admin/departments", None).await;
    assert!(en.contains("<h1>Departments and weights</h1>") && en.contains(">Save weights<"));
    let en = get("/dashboard/time", None).await;
    assert!(en.contains(">Sales / customers</option>") && en.contains(">Add rule<"));

    // A notice the handler writes follows the language too.
    let saved = plain_client()
        .post(format!("{}/admin/departments", app.address))
        .header(reqwest::header::COOKIE, &admin.cookie)
        .header(reqwest::header::ACCEPT_LANGUAGE, "de")
        .form(&[("csrf_token", admin.csrf.as_str()), ("weight_sales", "35")])
        .send()
        .await
        .expect("request");
    let location = saved
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    assert!(
        location.contains("Kein%20Gewicht") || location.contains("Kein+Gewicht"),
        "{location}"
    );
}
