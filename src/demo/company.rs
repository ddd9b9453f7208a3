//! The demo company: who works where, in which language, as a roster CSV.

use std::collections::HashSet;

use rand::rngs::StdRng;
use rand::Rng;

use super::names::{self, Name};
use crate::domain::department::{Department, Membership};
use crate::domain::locale::Locale;

/// Name of the demo company (used in emails unless a company name is configured).
pub const COMPANY: &str = "Northwind";
/// Email domain of the demo company (`.example` is reserved: no mail can ever leave for it).
pub const DOMAIN: &str = "northwind.example";
/// Sender of the demo's mail (used unless a sender is configured).
pub const SENDER: &str = "Northwind People Team <people@northwind.example>";
/// Board members (an audience group of their own, not employees of a department).
pub const BOARD_MEMBERS: usize = 5;
/// Fewest employees for which the story still holds (every department above k most quarters).
pub const MIN_EMPLOYEES: usize = 60;
/// Most employees the demo generates.
pub const MAX_EMPLOYEES: usize = 100_000;

/// One person on the demo roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub email: String,
    pub name: String,
    pub membership: Membership,
    pub locale: Locale,
    pub is_engineer: bool,
    pub is_executive: bool,
}

/// Headcount per department for `employees` in all: engineering takes what the others leave,
/// and every other department keeps at least 8 people so it can report above k.
pub fn department_sizes(employees: usize) -> Vec<(Department, usize)> {
    let share = |pct: usize, min: usize| (employees * pct / 100).max(min);
    let sales = share(27, 12);
    let marketing = share(13, 8);
    let bd = share(6, 8);
    let ceo = share(4, 8);
    let engineering = employees.saturating_sub(sales + marketing + bd + ceo);
    vec![
        (Department::Sales, sales),
        (Department::Bd, bd),
        (Department::Marketing, marketing),
        (Department::Engineering, engineering),
        (Department::Ceo, ceo),
    ]
}

/// Locale mix per department, in per cent (en, nl, ko): head office in Amsterdam, sales
/// offices in London and New York, an engineering hub in Seoul.
fn locale_mix(d: Department) -> [(Locale, u32); 3] {
    let (en, nl, ko) = match d {
        Department::Sales | Department::Bd => (50, 30, 20),
        Department::Marketing => (45, 35, 20),
        Department::Engineering => (35, 30, 35),
        Department::Ceo => (50, 40, 10),
    };
    [(Locale::En, en), (Locale::Nl, nl), (Locale::Ko, ko)]
}

fn pick_locale(rng: &mut StdRng, mix: &[(Locale, u32); 3]) -> Locale {
    let total: u32 = mix.iter().map(|m| m.1).sum();
    let mut roll = rng.random_range(0..total);
    for (l, w) in mix {
        if roll < *w {
            return *l;
        }
        roll -= w;
    }
    Locale::En
}

/// Draws names without repeating a full name, and makes every address unique.
struct Namer {
    names: HashSet<String>,
    mailboxes: HashSet<String>,
}

impl Namer {
    fn draw(&mut self, rng: &mut StdRng, locale: Locale) -> Name {
        let (given, family) = names::pool_sizes(locale);
        let mut n = names::name(locale, 0, 0);
        // Pools hold 600+ combinations per locale; a handful of tries finds a fresh one.
        for _ in 0..64 {
            n = names::name(
                locale,
                rng.random_range(0..given),
                rng.random_range(0..family),
            );
            if !self.names.contains(&n.display) {
                break;
            }
        }
        self.names.insert(n.display.clone());
        let mut mailbox = n.mailbox.clone();
        let mut suffix = 2;
        while self.mailboxes.contains(&mailbox) {
            mailbox = format!("{}{suffix}", n.mailbox);
            suffix += 1;
        }
        self.mailboxes.insert(mailbox.clone());
        Name {
            display: n.display,
            mailbox,
        }
    }
}

/// Generates the roster: `employees` people across the five departments plus the board.
///
/// The first person of sales, BD, marketing and engineering is its VP and the first three of
/// the CEO's office are the CEO, CFO and COO — the executives who answer the alignment survey.
/// Engineering holds product managers and designers too, so not everyone there is an engineer.
pub fn generate(employees: usize, rng: &mut StdRng) -> Vec<Person> {
    let mut namer = Namer {
        names: HashSet::new(),
        mailboxes: HashSet::new(),
    };
    let mut people = Vec::with_capacity(employees + BOARD_MEMBERS);
    for (dept, size) in department_sizes(employees) {
        let mix = locale_mix(dept);
        let executives = if dept == Department::Ceo { 3 } else { 1 };
        for i in 0..size {
            let locale = pick_locale(rng, &mix);
            let name = namer.draw(rng, locale);
            let is_executive = i < executives;
            let is_engineer =
                dept == Department::Engineering && (is_executive || rng.random_bool(0.88));
            people.push(Person {
                email: format!("{}@{DOMAIN}", name.mailbox),
                name: name.display,
                membership: Membership::Department(dept),
                locale,
                is_engineer,
                is_executive,
            });
        }
    }
    let board_locales = [Locale::En, Locale::Nl, Locale::En, Locale::Ko, Locale::Nl];
    for locale in board_locales.iter().take(BOARD_MEMBERS) {
        let name = namer.draw(rng, *locale);
        people.push(Person {
            email: format!("{}@{DOMAIN}", name.mailbox),
            name: name.display,
            membership: Membership::Board,
            locale: *locale,
            is_engineer: false,
            is_executive: false,
        });
    }
    people
}

/// The roster as the CSV `ctopulse roster import` reads.
pub fn roster_csv(people: &[Person]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "email",
        "name",
        "department",
        "locale",
        "is_engineer",
        "is_executive",
        "active",
    ])?;
    for p in people {
        w.write_record([
            p.email.as_str(),
            p.name.as_str(),
            p.membership.key(),
            p.locale.code(),
            bool_text(p.is_engineer),
            bool_text(p.is_executive),
            "true",
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn bool_text(b: bool) -> &'static str {
    if b {
        "true"
    } else {
        "false"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn three_hundred_employees_in_five_departments_plus_the_board() {
        let sizes = department_sizes(300);
        assert_eq!(sizes.iter().map(|s| s.1).sum::<usize>(), 300);
        let people = generate(300, &mut StdRng::seed_from_u64(1));
        assert_eq!(people.len(), 300 + BOARD_MEMBERS);
        let emails: HashSet<&str> = people.iter().map(|p| p.email.as_str()).collect();
        assert_eq!(emails.len(), people.len(), "addresses are unique");
        assert_eq!(people.iter().filter(|p| p.is_executive).count(), 7);
        assert!(people
            .iter()
            .filter(|p| p.is_engineer)
            .all(|p| p.membership == Membership::Department(Department::Engineering)));
        // The demo company's staff speak English, Korean and Dutch.
        for l in [Locale::En, Locale::Ko, Locale::Nl] {
            assert!(
                people.iter().filter(|p| p.locale == l).count() > 30,
                "{l:?}"
            );
        }
    }

    #[test]
    fn the_roster_parses() {
        let people = generate(MIN_EMPLOYEES, &mut StdRng::seed_from_u64(2));
        let csv = roster_csv(&people).unwrap();
        let parsed = crate::domain::roster::parse(csv.as_bytes()).unwrap();
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        assert_eq!(parsed.entries.len(), people.len());
    }
}
