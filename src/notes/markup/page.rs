//! A post copied from a social network's page with its comments (Facebook, LinkedIn,
//! a forum's comment section): the page's own lines around the post and each comment
//! are no notes. A page is known by its buttons alone on their lines (`Like`, `Reply`,
//! `Lubię to!`, `Odpowiedz`, `Gefällt mir`, `Antworten`, ...), three or more of two
//! kinds at least. On such a page these lines are blanked:
//!
//! - the buttons, and the page's other words (`See more`, `Most relevant`, `View 2
//!   replies`, `Write a public comment…`, `All reactions:`) in the eight languages;
//! - counts (`142`, `23 comments`, `6 udostępnień`), a relative date (`2 d.`, `3h`,
//!   `1 tyg.`, `2 Std.`), a dot alone (`·`), an author's badge (`Author`, `Autor`, `Top
//!   fan`), and who reacted (`Ana Ruiz, Piotr Zając and 140 others`);
//! - the author's name that opens a comment (a few words over its text, when the
//!   comment's buttons follow it), so that a comment is read as a paragraph of notes
//!   and not as a talk under a name line.

/// The buttons under a post or a comment, lower case, without a final `!`: like, reply,
/// comment, share and send in the eight languages.
const BUTTONS: &[&str] = &[
    "like",
    "reply",
    "comment",
    "share",
    "send",
    "repost",
    "lubię to",
    "odpowiedz",
    "komentarz",
    "udostępnij",
    "wyślij",
    "gefällt mir",
    "antworten",
    "kommentieren",
    "teilen",
    "senden",
    "j'aime",
    "répondre",
    "commenter",
    "partager",
    "envoyer",
    "me gusta",
    "responder",
    "comentar",
    "compartir",
    "enviar",
    "mi piace",
    "rispondi",
    "commenta",
    "condividi",
    "invia",
    "curtir",
    "compartilhar",
    "vind ik leuk",
    "beantwoorden",
    "reageren",
    "delen",
    "verzenden",
];

/// The page's other words alone on a line, lower case, without a final `…` or `:`.
const PAGE_WORDS: &[&str] = &[
    "see more",
    "see less",
    "most relevant",
    "all comments",
    "newest",
    "write a comment",
    "write a public comment",
    "all reactions",
    "author",
    "top fan",
    "admin",
    "wyświetl więcej",
    "wyświetl mniej",
    "najtrafniejsze",
    "wszystkie komentarze",
    "napisz komentarz",
    "napisz komentarz publiczny",
    "wszystkie reakcje",
    "autor",
    "mehr anzeigen",
    "weniger anzeigen",
    "relevanteste",
    "alle kommentare",
    "kommentieren…",
    "alle reaktionen",
    "voir plus",
    "voir moins",
    "plus pertinents",
    "tous les commentaires",
    "écrire un commentaire",
    "auteur",
    "toutes les réactions",
    "ver más",
    "ver menos",
    "más relevantes",
    "todos los comentarios",
    "escribe un comentario",
    "todas las reacciones",
    "altro",
    "mostra meno",
    "più pertinenti",
    "tutti i commenti",
    "scrivi un commento",
    "autore",
    "tutte le reazioni",
    "ver mais",
    "ver menos",
    "mais relevantes",
    "todos os comentários",
    "escreva um comentário",
    "todas as reações",
    "meer weergeven",
    "minder weergeven",
    "meest relevant",
    "alle reacties",
    "schrijf een opmerking",
    "auteur",
];

/// Whether `t` (a trimmed line) is one of the page's buttons.
fn button(t: &str) -> Option<usize> {
    let w = t.trim_end_matches('!').trim().to_lowercase();
    BUTTONS.iter().position(|b| *b == w)
}

/// Whether the lines are a social page's: three buttons or more, of two kinds at least.
fn is_page(lines: &[(u32, &str)]) -> bool {
    let mut kinds: Vec<usize> = Vec::new();
    let mut n = 0;
    for (_, l) in lines {
        let t = l.trim();
        if t.len() <= 16 {
            if let Some(b) = button(t) {
                n += 1;
                if !kinds.contains(&b) {
                    kinds.push(b);
                }
            }
        }
    }
    n >= 3 && kinds.len() >= 2
}

/// A date relative to now, as a page writes it under a post: a number and a short unit
/// (`2 d.`, `3h`, `1 tyg.`, `2 Std.`, `5 min`, `1 w`).
fn relative_date(t: &str) -> bool {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let unit = t[digits..].trim().trim_end_matches('.');
    digits > 0 && digits <= 3 && !unit.is_empty() && unit.chars().count() <= 4 && unit.chars().all(char::is_alphabetic)
}

/// Who reacted: names, then `and 140 others` (`Ana Ruiz, Piotr Zając i 140 innych osób`).
fn reactors(t: &str) -> bool {
    let ws: Vec<&str> = t.split_whitespace().collect();
    let Some(at) = ws.iter().rposition(|w| w.bytes().all(|b| b.is_ascii_digit())) else { return false };
    t.contains(',') && at + 3 >= ws.len() && at >= 2 && ws[at + 1..].iter().all(|w| w.chars().all(char::is_alphabetic))
}

/// Whether a line is a comment's author: a few words with no sentence's end.
fn author(t: &str) -> bool {
    t.len() <= 64
        && (2..=5).contains(&t.split_whitespace().count())
        && !t.ends_with(['.', '!', '?', ':', ',', ';'])
        && t.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase() || "„“\"«".contains(c)))
}

/// Blanks the lines of a social page that are the page's own (see the module's text).
pub(crate) fn blank_chrome(lines: &mut [(u32, &str)]) {
    if !is_page(lines) {
        return;
    }
    let chrome = |t: &str| {
        let w = t.trim_end_matches(['…', ':']).trim().to_lowercase();
        button(t).is_some()
            || PAGE_WORDS.contains(&w.as_str())
            || t == "·"
            || relative_date(t)
            || super::chat::counts(t)
            || reactors(t)
            || w.split_whitespace().next().is_some_and(|v| ["view", "wyświetl", "ver", "voir"].contains(&v))
                && w.split_whitespace().nth(1).is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    };
    let mut k = 0;
    while k < lines.len() {
        // A block: lines up to a blank one.
        let end = (k..lines.len()).find(|&i| lines[i].1.trim().is_empty()).unwrap_or(lines.len());
        let has_button = lines[k..end].iter().any(|(_, l)| button(l.trim()).is_some());
        for line in &mut lines[k..end] {
            if chrome(line.1.trim()) {
                line.1 = "";
            }
        }
        // The author over a comment whose buttons follow it.
        if has_button && end - k >= 3 && author(lines[k].1.trim()) {
            lines[k].1 = "";
        }
        k = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comment_is_read_without_the_pages_lines() {
        let text = "Post text about the talks\n\nPiotr Zając\nDzięki! Byłem na „Title” Tomka Lisa.\n2 d.\n\
                    Lubię to!\nOdpowiedz\n12\n\nAna Ruiz\nAutor\nGreat recap\n1 d.\nLubię to!\nOdpowiedz\n";
        let mut lines: Vec<(u32, &str)> = super::super::numbered(text).collect();
        blank_chrome(&mut lines);
        let kept: Vec<&str> = lines.iter().map(|(_, l)| l.trim()).filter(|l| !l.is_empty()).collect();
        assert_eq!(kept, ["Post text about the talks", "Dzięki! Byłem na „Title” Tomka Lisa.", "Great recap"]);
    }

    #[test]
    fn notes_without_buttons_are_left_alone() {
        let text = "Like\nReply\nAna Ruiz\n2 d.\n";
        let mut lines: Vec<(u32, &str)> = super::super::numbered(text).collect();
        blank_chrome(&mut lines);
        assert_eq!(lines[3].1, "2 d.");
        assert!(relative_date("3h") && relative_date("1 tyg.") && !relative_date("2025"));
        assert!(reactors("Marta Kowalczyk-Dębska, Piotr Zając i 140 innych osób"));
    }
}
