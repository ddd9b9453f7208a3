//! The command line's own checks.

use clap::CommandFactory;

use clap::Parser;

use super::{Cli, Command};

/// Every argument of every command says what it is in `--help`.
#[test]
fn every_argument_has_help() {
    fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            let id = arg.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            if arg.get_help().is_none() && arg.get_long_help().is_none() {
                missing.push(format!("{path} {id}"));
            }
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), missing);
        }
    }
    let mut missing = Vec::new();
    walk(&Cli::command(), "ctopulse", &mut missing);
    assert!(missing.is_empty(), "arguments without help: {missing:?}");
}

#[test]
fn demo_takes_a_database_url_and_a_hundred_thousand_employees() {
    let cli = Cli::try_parse_from([
        "ctopulse",
        "demo",
        "--database-url",
        "postgres://localhost/demo",
        "--employees",
        "100000",
        "--seed-only",
    ])
    .expect("parses");
    assert_eq!(
        cli.global.database_url.as_deref(),
        Some("postgres://localhost/demo")
    );
    let Command::Demo(args) = cli.command else {
        panic!("demo");
    };
    assert_eq!(args.employees, 100_000);
}

#[test]
fn init_needs_the_admin_unless_it_only_checks() {
    let parse = |args: &[&str]| Cli::try_parse_from([&["ctopulse", "init"], args].concat());
    assert!(parse(&["--email", "a@example.com", "--name", "Ada"]).is_ok());
    assert!(
        parse(&["--email", "a@example.com"]).is_err(),
        "the name is needed"
    );
    assert!(parse(&[]).is_err());
    assert!(parse(&["--check-only", "--test-email", "a@example.com"]).is_ok());
    assert!(
        parse(&["--check-only", "--email", "a@example.com"]).is_err(),
        "a check makes no account"
    );
}
