//! Walking pest's pairs into the AST. The grammar guarantees the shapes we match on; where a
//! shape is still unexpected we report an internal error instead of panicking.

use pest::iterators::{Pair, Pairs};

use crate::diagnostic::{Code, Diagnostic};
use crate::span::{Span, Spanned};
use crate::syntax::Rule;
use crate::syntax::ast::{Block, Date, Decl, DeclKind, Duration, Item, Keep, Text, Unit, Value};
use crate::syntax::keywords::keyword;
use crate::syntax::text;

type Result<T> = std::result::Result<T, Diagnostic>;

/// Builds the AST of one piece of the file. pest reads a file a piece at a time (see
/// `syntax::parse`), so its positions count from the start of the piece: `offset` is where the
/// piece starts in the file, added to every span.
pub struct Builder {
    pub offset: usize,
}

impl Builder {
    /// One declaration of the piece.
    pub fn declaration(&self, pair: Pair<Rule>) -> Result<Decl> {
        // The `X_decl` rules are silent: the declaration's keyword says which block it is.
        let whole = self.span(&pair);
        let block_span = whole;
        let mut inner = pair.into_inner();
        let kw = next(&mut inner, whole)?;
        let kind = Spanned::new(self.decl_kind(&kw)?, self.span(&kw));
        let mut name = None;
        let mut items = Vec::new();
        for pair in inner {
            match pair.as_rule() {
                Rule::ident => name = Some(Spanned::new(pair.as_str().to_string(), self.span(&pair))),
                Rule::string => name = Some(self.string(pair)?),
                Rule::open | Rule::close => {}
                _ => items.push(self.item(pair)?),
            }
        }
        Ok(Decl { kind, name, block: Block { items, span: block_span } })
    }

    fn decl_kind(&self, kw: &Pair<Rule>) -> Result<DeclKind> {
        Ok(match kw.as_rule() {
            Rule::k_policy => DeclKind::Policy,
            Rule::k_controller => DeclKind::Controller,
            Rule::k_group => DeclKind::Group,
            Rule::k_data => DeclKind::Data,
            Rule::k_source => DeclKind::Source,
            Rule::k_recipient => DeclKind::Recipient,
            Rule::k_storage => DeclKind::Storage,
            Rule::k_event => DeclKind::Event,
            Rule::k_purpose => DeclKind::Purpose,
            Rule::k_retention => DeclKind::Retention,
            Rule::k_cookie => DeclKind::Cookie,
            Rule::k_security => DeclKind::Security,
            Rule::k_rights => DeclKind::Rights,
            Rule::k_section => DeclKind::Section,
            _ => {
                return Err(internal(self.span(kw), "a declaration starts with an unknown keyword"));
            }
        })
    }

    /// `X_item` holds the item's keyword and its value (the concrete item rules are silent: one
    /// token per item is cheaper to parse, and the keyword says which item it is); nested blocks
    /// hold `X_item`s again.
    fn item(&self, pair: Pair<Rule>) -> Result<Item> {
        let item_span = self.span(&pair);
        let mut rest = pair.into_inner();
        let kw = next(&mut rest, item_span)?;
        let rule = kw.as_rule();
        let Some(key) = keyword(rule) else {
            return Err(internal(self.span(&kw), "an item does not start with a keyword"));
        };
        let key = Spanned::new(key, self.span(&kw));
        let value = match rule {
            Rule::k_dpo
            | Rule::k_privacy_contact
            | Rule::k_representative
            | Rule::k_profiling
            | Rule::k_automated_decision => {
                let mut items = Vec::new();
                for p in rest {
                    if !matches!(p.as_rule(), Rule::open | Rule::close) {
                        items.push(self.item(p)?);
                    }
                }
                Value::Block(Block { items, span: item_span })
            }
            Rule::k_keep => match one(rest, item_span)? {
                p if p.as_rule() == Rule::unconfirmed_value => Value::Unknown,
                p => Value::Keep(self.keep(p)?),
            },
            Rule::k_art9 => {
                let mut word = None;
                let mut data = Vec::new();
                for p in rest {
                    match p.as_rule() {
                        Rule::word => word = Some(Spanned::new(p.as_str().to_string(), self.span(&p))),
                        Rule::ident_list => data.extend(
                            p.into_inner()
                                .filter(|i| i.as_rule() == Rule::ident)
                                .map(|i| Spanned::new(i.as_str().to_string(), self.span(&i))),
                        ),
                        _ => {}
                    }
                }
                match word {
                    Some(word) => Value::Condition { word, data },
                    None => return Err(internal(item_span, "`art9` lacks its condition")),
                }
            }
            // `sources job-centre for cv, contact`: which data come from one source; without
            // `for`, the plain list of sources.
            Rule::k_sources if rest.clone().any(|p| p.as_rule() == Rule::k_for) => {
                let mut source = None;
                let mut data = Vec::new();
                for p in rest {
                    match p.as_rule() {
                        Rule::ident => source = Some(Spanned::new(p.as_str().to_string(), self.span(&p))),
                        Rule::ident_list => data.extend(
                            p.into_inner()
                                .filter(|i| i.as_rule() == Rule::ident)
                                .map(|i| Spanned::new(i.as_str().to_string(), self.span(&i))),
                        ),
                        _ => {}
                    }
                }
                match source {
                    Some(word) => Value::Condition { word, data },
                    None => return Err(internal(item_span, "`sources ... for` lacks its source")),
                }
            }
            Rule::k_limit => {
                let mut dur = None;
                let mut after = None;
                for p in rest {
                    match p.as_rule() {
                        Rule::duration => dur = Some(self.duration(p)?),
                        Rule::ident => after = Some(Spanned::new(p.as_str().to_string(), self.span(&p))),
                        _ => {}
                    }
                }
                match (dur, after) {
                    (Some(duration), Some(after)) => Value::Limit { duration, after },
                    _ => return Err(internal(item_span, "`limit` lacks its duration or event")),
                }
            }
            Rule::k_lifetime => {
                let p = one(rest, item_span)?;
                match p.as_rule() {
                    Rule::duration => Value::Lifetime(Some(self.duration(p)?)),
                    Rule::unconfirmed_value => Value::Unknown,
                    _ => Value::Lifetime(None),
                }
            }
            Rule::k_financial_year => {
                // k_starts, number, word
                let mut day = None;
                let mut month = None;
                for p in rest {
                    match p.as_rule() {
                        Rule::number => day = Some(self.number(&p)?),
                        Rule::word => month = Some(Spanned::new(p.as_str().to_string(), self.span(&p))),
                        _ => {}
                    }
                }
                match (day, month) {
                    (Some(day), Some(month)) => Value::DayOfYear { day, month },
                    _ => {
                        return Err(internal(item_span, "a financial year start lacks its day or month"));
                    }
                }
            }
            _ => self.simple_value(rest, item_span)?,
        };
        Ok(Item { key, value, span: item_span })
    }

    /// The value of an item whose shape follows from the rules of its parts.
    fn simple_value(&self, rest: Pairs<Rule>, at: Span) -> Result<Value> {
        let mut words = Vec::new();
        let mut langs = Vec::new();
        let mut single = None;
        for p in rest {
            match p.as_rule() {
                // Fixed words, including the keywords that may lead a two-word value.
                Rule::word
                | Rule::country_code
                | Rule::k_special
                | Rule::k_adequacy
                | Rule::k_data_privacy_framework
                | Rule::k_derogation => words.push(Spanned::new(p.as_str().to_string(), self.span(&p))),
                Rule::word_list => {
                    for w in p.into_inner().filter(|w| w.as_rule() == Rule::word) {
                        words.push(Spanned::new(w.as_str().to_string(), self.span(&w)));
                    }
                }
                Rule::lang => langs.push(Spanned::new(p.as_str().to_string(), self.span(&p))),
                Rule::comma | Rule::k_starts | Rule::k_every | Rule::k_within => {}
                Rule::text => single = Some(Value::Text(self.text_value(p)?)),
                Rule::name_value => {
                    let inner = self.only_child(p)?;
                    single = Some(match inner.as_rule() {
                        Rule::text => Value::Text(self.text_value(inner)?),
                        _ => Value::Str(self.string(inner)?),
                    });
                }
                Rule::string => single = Some(Value::Str(self.string(p)?)),
                Rule::ident => single = Some(Value::Ident(Spanned::new(p.as_str().to_string(), self.span(&p)))),
                Rule::ident_list => {
                    let idents = p
                        .into_inner()
                        .filter(|i| i.as_rule() == Rule::ident)
                        .map(|i| Spanned::new(i.as_str().to_string(), self.span(&i)))
                        .collect();
                    single = Some(Value::Idents(idents));
                }
                Rule::yes_no => single = Some(Value::YesNo(Spanned::new(p.as_str() == "yes", self.span(&p)))),
                Rule::date => single = Some(Value::Date(self.date(&p)?)),
                Rule::duration => single = Some(Value::Duration(self.duration(p)?)),
                Rule::unconfirmed_value => single = Some(Value::Unknown),
                Rule::law_act => {
                    let mut parts = p.into_inner();
                    let id = next(&mut parts, at)?;
                    let id = Spanned::new(id.as_str().to_string(), self.span(&id));
                    let provision = parts.next().map(|s| self.string(s)).transpose()?;
                    single = Some(Value::Act { id, provision });
                }
                Rule::law_agreement => {
                    let name = p.into_inner().find(|x| x.as_rule() == Rule::string);
                    let name = name.ok_or_else(|| internal(at, "a collective agreement lacks its name"))?;
                    single = Some(Value::Agreement(self.string(name)?));
                }
                _ => return Err(internal(self.span(&p), "an item has a part of unexpected shape")),
            }
        }
        if !words.is_empty() {
            return Ok(Value::Words(words));
        }
        if !langs.is_empty() {
            return Ok(Value::Langs(langs));
        }
        single.ok_or_else(|| internal(at, "an item has no value"))
    }

    fn text_value(&self, pair: Pair<Rule>) -> Result<Text> {
        let text_span = self.span(&pair);
        let mut parts = Vec::new();
        let mut inner = pair.into_inner();
        while let Some(lang) = inner.next() {
            let s = next(&mut inner, text_span)?;
            parts.push((Spanned::new(lang.as_str().to_string(), self.span(&lang)), self.string(s)?));
        }
        Ok(Text { parts, span: text_span })
    }

    fn string(&self, pair: Pair<Rule>) -> Result<Spanned<String>> {
        let whole = self.span(&pair);
        // `"` body `"`: the body is the pair's text without its quotes (cheaper than its token).
        let Some(body) = pair.as_str().strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
            return Err(internal(whole, "a text is not in quotes"));
        };
        let value = text::decode(body, whole.start + 1)?;
        if value.is_empty() {
            return Err(Diagnostic::new(Code::EmptyText, "this text is empty", whole, "nothing between the quotes")
                .with_help("write the text, or remove the item"));
        }
        Ok(Spanned::new(value, whole))
    }

    fn keep(&self, pair: Pair<Rule>) -> Result<Keep> {
        let at = self.span(&pair);
        match pair.as_rule() {
            Rule::keep_indefinitely => Ok(Keep::Indefinitely(at)),
            Rule::keep_until => {
                let event = pair
                    .into_inner()
                    .find(|p| p.as_rule() == Rule::ident)
                    .ok_or_else(|| internal(at, "`keep until` has no event"))?;
                Ok(Keep::Until(Spanned::new(event.as_str().to_string(), self.span(&event))))
            }
            Rule::keep_for => {
                let mut up_to = false;
                let mut dur = None;
                let mut after = None;
                for p in pair.into_inner() {
                    match p.as_rule() {
                        Rule::up_to => up_to = true,
                        Rule::duration => dur = Some(self.duration(p)?),
                        Rule::ident => after = Some(Spanned::new(p.as_str().to_string(), self.span(&p))),
                        _ => {}
                    }
                }
                match (dur, after) {
                    (Some(duration), Some(after)) => Ok(Keep::For { up_to, duration, after }),
                    _ => Err(internal(at, "`keep` lacks its duration or event")),
                }
            }
            _ => Err(internal(at, "`keep` has an unexpected form")),
        }
    }

    fn duration(&self, pair: Pair<Rule>) -> Result<Duration> {
        let at = self.span(&pair);
        let mut inner = pair.into_inner();
        let n = next(&mut inner, at)?;
        let u = next(&mut inner, at)?;
        let amount = self.number(&n)?;
        if amount.value == 0 {
            return Err(Diagnostic::new(Code::BadNumber, "a duration of zero", amount.span, "must be at least 1")
                .with_help("to act at the event itself, write `keep until EVENT`"));
        }
        let unit = match u.as_str().trim_end_matches('s') {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            _ => return Err(internal(self.span(&u), "unknown time unit")),
        };
        Ok(Duration { amount, unit: Spanned::new(unit, self.span(&u)), span: at })
    }

    fn number(&self, pair: &Pair<Rule>) -> Result<Spanned<u32>> {
        let at = self.span(pair);
        match pair.as_str().parse::<u32>() {
            Ok(n) if n <= 100_000 => Ok(Spanned::new(n, at)),
            _ => Err(Diagnostic::new(Code::BadNumber, format!("`{}` is too large", pair.as_str()), at, "too large")
                .with_help("numbers in a policy are at most 100000")),
        }
    }

    fn date(&self, pair: &Pair<Rule>) -> Result<Spanned<Date>> {
        let at = self.span(pair);
        let s = pair.as_str();
        let parts: Vec<&str> = s.split('-').collect();
        let parsed = match parts.as_slice() {
            [y, m, d] => match (y.parse::<i32>(), m.parse::<u8>(), d.parse::<u8>()) {
                (Ok(year), Ok(month), Ok(day)) => Some(Date { year, month, day }),
                _ => None,
            },
            _ => None,
        };
        match parsed {
            Some(d) if d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month) => {
                Ok(Spanned::new(d, at))
            }
            _ => Err(Diagnostic::new(Code::BadDate, format!("`{s}` is not a date that exists"), at, "not a real date")
                .with_help("write dates as year-month-day, for example `2021-10-31`")),
        }
    }

    /// The pair's span without trailing whitespace and comments, which pest includes in a
    /// repetition's span: it ends where the pair's last token ends. Trailing trivia always ends
    /// in whitespace (a block's `}` follows it), so only such spans need the walk to the last
    /// token; every other span is exact as pest gives it.
    pub fn span(&self, pair: &Pair<Rule>) -> Span {
        let s = pair.as_span();
        if !s.as_str().ends_with(|c: char| c.is_whitespace() || c == '\u{feff}') {
            return Span::new(self.offset + s.start(), self.offset + s.end());
        }
        let end = match pair.clone().into_inner().last() {
            Some(last) => self.span(&last).end,
            None => self.offset + s.end(),
        };
        Span::new(self.offset + s.start(), end)
    }

    fn only_child<'i>(&self, pair: Pair<'i, Rule>) -> Result<Pair<'i, Rule>> {
        let at = self.span(&pair);
        pair.into_inner().next().ok_or_else(|| internal(at, "a rule has no content"))
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn next<'a>(pairs: &mut Pairs<'a, Rule>, at: Span) -> Result<Pair<'a, Rule>> {
    pairs.next().ok_or_else(|| internal(at, "a rule is missing a part"))
}

fn one(mut rest: Pairs<Rule>, at: Span) -> Result<Pair<Rule>> {
    rest.next().ok_or_else(|| internal(at, "an item has no value"))
}

fn internal(at: Span, what: &str) -> Diagnostic {
    Diagnostic::new(Code::Internal, format!("internal compiler error: {what}"), at, "here")
        .with_help("this is a bug in policyc; please report it with this policy file")
}
