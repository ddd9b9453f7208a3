//! Name pools for the demo company: English, Dutch and Korean names (Korean in Hangul, with
//! the romanisation people there use in their email addresses).

use crate::domain::locale::Locale;

/// English-speaking staff are a mixed lot, as in any London or New York office.
const EN_GIVEN: &[&str] = &[
    "James", "Olivia", "Liam", "Emma", "Noah", "Ava", "Oliver", "Sophia", "Ethan", "Mia", "Henry",
    "Amelia", "Jack", "Harper", "Samuel", "Grace", "Daniel", "Chloe", "Michael", "Hannah", "David",
    "Zoe", "Benjamin", "Nora", "Thomas", "Ruby", "Oscar", "Isla", "Priya", "Aisha", "Mateo", "Wei",
    "Fatima", "Diego", "Arjun", "Leila", "Kwame", "Yuki", "Rachel", "Marcus",
];
const EN_FAMILY: &[&str] = &[
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Taylor",
    "Anderson", "Thomas", "Moore", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis",
    "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson",
    "Carter", "Mitchell", "Patel", "Nguyen", "Garcia", "Okafor", "Chen", "Kowalski", "Murphy",
    "O'Brien", "Rossi", "Haddad",
];

const NL_GIVEN: &[&str] = &[
    "Daan", "Sem", "Lucas", "Levi", "Finn", "Milan", "Bram", "Thijs", "Jesse", "Ruben", "Sanne",
    "Emma", "Julia", "Lotte", "Anouk", "Fleur", "Lieke", "Femke", "Eva", "Tess", "Noor", "Sophie",
    "Maarten", "Joost", "Pieter", "Willem", "Marieke", "Ingrid", "Hanneke", "Koen",
];
/// Dutch family names keep their particles ("van den Berg"); addresses drop the spaces.
const NL_FAMILY: &[&str] = &[
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "Vermeulen",
    "van den Broek",
];

/// (Hangul, romanised) — family names first, as Korean names are written.
const KO_FAMILY: &[(&str, &str)] = &[
    ("김", "kim"),
    ("이", "lee"),
    ("박", "park"),
    ("최", "choi"),
    ("정", "jung"),
    ("강", "kang"),
    ("조", "cho"),
    ("윤", "yoon"),
    ("장", "jang"),
    ("임", "lim"),
    ("한", "han"),
    ("오", "oh"),
    ("서", "seo"),
    ("신", "shin"),
    ("권", "kwon"),
    ("황", "hwang"),
    ("안", "ahn"),
    ("송", "song"),
    ("류", "ryu"),
    ("홍", "hong"),
];
const KO_GIVEN: &[(&str, &str)] = &[
    ("민준", "minjun"),
    ("서연", "seoyeon"),
    ("지훈", "jihoon"),
    ("지민", "jimin"),
    ("서준", "seojun"),
    ("하은", "haeun"),
    ("도윤", "doyoon"),
    ("수빈", "subin"),
    ("예준", "yejun"),
    ("지우", "jiwoo"),
    ("현우", "hyunwoo"),
    ("민서", "minseo"),
    ("준호", "junho"),
    ("유진", "yujin"),
    ("성민", "sungmin"),
    ("은지", "eunji"),
    ("태현", "taehyun"),
    ("다은", "daeun"),
    ("승현", "seunghyun"),
    ("혜진", "hyejin"),
    ("동현", "donghyun"),
    ("소영", "soyoung"),
    ("재원", "jaewon"),
    ("미경", "mikyung"),
    ("영호", "youngho"),
    ("수진", "sujin"),
    ("정우", "jungwoo"),
    ("나연", "nayeon"),
    ("상훈", "sanghoon"),
    ("보람", "boram"),
];

/// A generated name: how it is written, and the local part of an email address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub display: String,
    pub mailbox: String,
}

/// The name made of the `given`-th given name and `family`-th family name of `locale`'s pools
/// (indices wrap around).
pub fn name(locale: Locale, given: usize, family: usize) -> Name {
    match locale {
        Locale::Ko => {
            let (gh, gr) = KO_GIVEN[given % KO_GIVEN.len()];
            let (fh, fr) = KO_FAMILY[family % KO_FAMILY.len()];
            Name {
                display: format!("{fh}{gh}"),
                mailbox: format!("{gr}.{fr}"),
            }
        }
        Locale::Nl => western(
            NL_GIVEN[given % NL_GIVEN.len()],
            NL_FAMILY[family % NL_FAMILY.len()],
        ),
        // The demo company has no German staff; a German roster entry gets an English name.
        Locale::En | Locale::De => western(
            EN_GIVEN[given % EN_GIVEN.len()],
            EN_FAMILY[family % EN_FAMILY.len()],
        ),
    }
}

/// How many given and family names a locale's pools hold.
pub fn pool_sizes(locale: Locale) -> (usize, usize) {
    match locale {
        Locale::Ko => (KO_GIVEN.len(), KO_FAMILY.len()),
        Locale::Nl => (NL_GIVEN.len(), NL_FAMILY.len()),
        Locale::En | Locale::De => (EN_GIVEN.len(), EN_FAMILY.len()),
    }
}

fn western(given: &str, family: &str) -> Name {
    let ascii = |s: &str| -> String {
        s.chars()
            .filter(char::is_ascii_alphabetic)
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    Name {
        display: format!("{given} {family}"),
        mailbox: format!("{}.{}", ascii(given), ascii(family)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_names_are_hangul_with_romanised_addresses() {
        let n = name(Locale::Ko, 0, 0);
        assert_eq!(n.display, "김민준");
        assert_eq!(n.mailbox, "minjun.kim");
    }

    #[test]
    fn particles_and_apostrophes_leave_the_address() {
        assert_eq!(name(Locale::Nl, 0, 3).mailbox, "daan.vandenberg");
        assert_eq!(name(Locale::Nl, 0, 3).display, "Daan van den Berg");
        assert_eq!(name(Locale::En, 0, 37).mailbox, "james.obrien");
    }
}
