//! The board pack as PDF: the CLI writes it, the board page offers it to the board and the
//! CTO only, poppler renders every page, the fonts are embedded, the same quarter gives the
//! same bytes, and a withheld group never turns into a number.
//!
//! The rendering checks need poppler-utils (`pdftoppm`, `pdffonts`, `pdftotext`, `pdfinfo`).
//! Without them these tests say so and skip — unless `CTOPULSE_REQUIRE_POPPLER` is set, as
//! `.ci/run` does, where a missing tool fails the test.

use std::path::Path;
use std::process::Command;

use crate::helpers::{TestApp, ROSTER};
use crate::privacy_lifecycle::{ctopulse, err};
use crate::staff_support::{add_user, get_with, sign_in};
use ctopulse::auth::Role;
use ctopulse::demo::{self, story, Seeded};

/// Whether poppler's tools are here; `false` (with a message) means "skip".
fn poppler() -> bool {
    let found = ["pdftoppm", "pdffonts", "pdftotext", "pdfinfo"]
        .iter()
        .all(|t| Command::new(t).arg("-v").output().is_ok());
    if !found {
        assert!(
            std::env::var_os("CTOPULSE_REQUIRE_POPPLER").is_none(),
            "poppler-utils is required here (CTOPULSE_REQUIRE_POPPLER): apt-get install poppler-utils"
        );
        eprintln!(
            "SKIPPED: poppler-utils (pdftoppm, pdffonts, pdftotext, pdfinfo) is not installed"
        );
    }
    found
}

fn run(tool: &str, args: &[&str]) -> String {
    let o = Command::new(tool).args(args).output().expect(tool);
    assert!(
        o.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Renders every page at 40 dpi and returns, per page, the share of pixels that are not
/// white (a blank page is 0).
fn inked_shares(pdf: &Path) -> Vec<f64> {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("p");
    run(
        "pdftoppm",
        &[
            "-r",
            "40",
            "-png",
            pdf.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let mut files: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| {
            let img = image::open(f).unwrap().to_rgb8();
            let inked = img
                .pixels()
                .filter(|p| p.0.iter().any(|c| *c < 200))
                .count();
            inked as f64 / (img.width() * img.height()) as f64
        })
        .collect()
}

fn page_count(pdf: &Path) -> usize {
    run("pdfinfo", &[pdf.to_str().unwrap()])
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap()
}

/// The demo's quarter where BD answered k − 1 (its figures withheld), as the CLI writes its
/// pack: pages render, fonts are embedded, bytes repeat, and no figure under k shows.
#[tokio::test]
async fn the_cli_writes_a_deterministic_pack_that_renders_and_withholds() {
    if !poppler() {
        return;
    }
    let app = TestApp::spawn_adjusted(&[], |s| s.drivers.min_respondents = 10).await;
    let Seeded::Fresh(report) = demo::seed(
        &app.pool,
        app.state.settings.clone(),
        app.state.mailer.clone(),
        &app.state.templates,
        ctopulse::clock::now(),
        80,
        &indicatif::ProgressBar::hidden(),
    )
    .await
    .expect("seed") else {
        panic!("a new database is seeded");
    };
    let quarter = report.quarters[story::BD_BELOW_K].clone();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, lang: &str| {
        let o = ctopulse(
            &app,
            dir.path(),
            &[
                "report",
                "--quarter",
                &quarter,
                "--format",
                "pdf",
                "--lang",
                lang,
                "--out",
                name,
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", err(&o));
        let path = dir.path().join(name);
        (std::fs::read(&path).unwrap(), path)
    };
    let (en, en_path) = write("a.pdf", "en");
    assert!(en.starts_with(b"%PDF-"));
    assert_eq!(
        write("b.pdf", "en").0,
        en,
        "the same quarter gives the same bytes"
    );

    // Report, method, items per round, register, time split, actions: every page inked.
    let pages = page_count(&en_path);
    assert!(pages >= 6, "{pages} pages");
    let shares = inked_shares(&en_path);
    assert_eq!(shares.len(), pages);
    // The sparsest real page (one table row carried over) inks about 0.8 % at 40 dpi; an
    // empty one would ink only its running header and page number.
    for (i, s) in shares.iter().enumerate() {
        assert!(*s > 0.004, "page {} is blank ({s})", i + 1);
    }
    // Page 1 is the whole board report, drawn (about 6 % inked at 40 dpi), not a frame.
    assert!(shares[0] > 0.03, "page 1 ink {}", shares[0]);

    // Every font is embedded (a subset of NanumGothic).
    let fonts = run("pdffonts", &[en_path.to_str().unwrap()]);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(rows.len() >= 2, "{fonts}");
    for row in &rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        assert!(cols[0].contains("+NanumGothic"), "{row}");
        // name, type (two words), encoding, emb, sub, uni, object, id
        assert_eq!(cols[cols.len() - 5], "yes", "not embedded: {row}");
    }

    // BD's figures are withheld: said in words, and no figure rests on fewer than k answers.
    let text = run("pdftotext", &["-layout", en_path.to_str().unwrap(), "-"]);
    assert!(text.contains("Items per group") && text.contains("Inflection-point register"));
    assert!(text.contains("withheld"), "withheld figures say so");
    assert!(text.contains("fewer than 5 responses"));
    for n in 0..5 {
        assert!(
            !text.contains(&format!("n = {n}\n")) && !text.contains(&format!("n = {n} ")),
            "n = {n} shown"
        );
    }

    // Korean: the text is real text, Hangul included.
    let (_, ko_path) = write("ko.pdf", "ko");
    let ko = run("pdftotext", &[ko_path.to_str().unwrap(), "-"]);
    assert!(
        ko.contains("그룹별 문항 결과") && ko.contains("비공개"),
        "{ko}"
    );
}

/// The board page links the pack; the board and the CTO download it as an attachment,
/// others are refused.
#[tokio::test]
async fn the_board_page_offers_the_pack_to_result_readers_only() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q3");
    app.seal_now(&round);
    for (email, role) in [
        ("board@acme.test", Role::Board),
        ("cto@acme.test", Role::Cto),
        ("admin@acme.test", Role::Admin),
    ] {
        add_user(&app, email, role);
    }
    let board = sign_in(&app, "board@acme.test").await;
    let page = board.page(&app, "/board").await;
    assert!(
        page.contains("/api/v1/report?quarter=2026Q3&amp;format=pdf\""),
        "{page}"
    );
    assert!(page.contains("format=pdf&amp;lang=ko"));

    let path = "/api/v1/report?quarter=2026Q3&format=pdf&lang=nl";
    for email in ["board@acme.test", "cto@acme.test"] {
        let who = sign_in(&app, email).await;
        let res = get_with(&app, path, &who.cookie).await;
        assert_eq!(res.status(), 200, "{email}");
        assert_eq!(res.headers()["content-type"], "application/pdf");
        assert_eq!(
            res.headers()["content-disposition"],
            "attachment; filename=\"ctopulse-2026Q3-nl.pdf\""
        );
        assert!(res.bytes().await.unwrap().starts_with(b"%PDF-"));
    }
    let admin = sign_in(&app, "admin@acme.test").await;
    assert_eq!(get_with(&app, path, &admin.cookie).await.status(), 403);
    assert_eq!(app.get(path).await.status(), 401);
}

/// A Korean or German board page embeds the report in its own language, and that URL answers
/// the report in that language, not the endpoint's English default.
#[tokio::test]
async fn the_board_page_embeds_the_report_in_the_page_language() {
    let app = TestApp::spawn().await;
    app.import_roster(ROSTER);
    let round = app.launch("internal-csat", "2026Q3");
    app.seal_now(&round);
    add_user(&app, "board@acme.test", Role::Board);
    let board = sign_in(&app, "board@acme.test").await;
    for (lang, title) in [("ko", "CTO 성과 지표"), ("de", "CTO-Scorecard")] {
        let page = board.page_in(&app, "/board", lang).await;
        let embedded = format!("/api/v1/report?quarter=2026Q3&amp;format=svg&amp;lang={lang}");
        assert!(
            page.contains(&format!(r#"<img class="report-img" src="{embedded}""#)),
            "{lang}: {page}"
        );
        assert!(
            !page.contains("format=svg\""),
            "{lang}: an English report is linked"
        );
        let svg = get_with(&app, &embedded.replace("&amp;", "&"), &board.cookie)
            .await
            .text()
            .await
            .unwrap();
        assert!(svg.contains(title), "{lang}: {svg}");
        assert!(
            !svg.contains("CTO scorecard"),
            "{lang}: the report is English"
        );
    }
}
