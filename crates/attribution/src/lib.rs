//! Attribution: who said, reported or declined to say what.
//!
//! Rules over the language layer's tokens, sentences and entities. For each
//! sentence the cues are found (verbs of saying, "according to", colons before
//! quotes, declined-to-comment phrases), then the frame around each cue gives
//! the source and the content:
//!
//! - `SOURCE CUE (that) CONTENT` — "He noted that U.S. officials are in talks";
//! - `CONTENT, SOURCE CUE` and `CONTENT, CUE SOURCE` — "“…,” Earnest said";
//! - `“A,” SOURCE CUE, “B.”` — one attribution with two `parts`;
//! - `CONTENT, according to SOURCE` and `According to SOURCE, CONTENT`;
//! - `SOURCE declined to comment (on TOPIC)` and its kin (`no_comment`).
//!
//! A quotation that opens a paragraph and is not closed before its end runs
//! on into the next paragraph when that one opens with a quotation mark.
//!
//! A learned content model (`content`) then chooses each cue's content among
//! candidate spans, the rules' own among them, or none; it also takes words
//! the cue detector is sure of that no rule took.
//!
//! **Architecture invariant:** pure and total; offsets are code points.

pub mod content;
pub mod cues;
mod labels;
pub mod lexicon;

use dossier_language::doc::Doc;
use dossier_language::entities::{Entity, Kind as EntityKind, MentionKind};

use lexicon::*;

/// The kind of an attribution, as in the contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The content is one quotation.
    Direct,
    /// Reported speech with quoted fragments.
    Mixed,
    /// Reported speech.
    Indirect,
    /// "…, according to SOURCE".
    AccordingTo,
    /// Declined to comment, did not respond, could not be reached.
    NoComment,
}

impl Kind {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Mixed => "mixed",
            Kind::Indirect => "indirect",
            Kind::AccordingTo => "according_to",
            Kind::NoComment => "no_comment",
        }
    }
}

/// What kind of authority a claim rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceType {
    /// A named or resolved person.
    Person,
    /// An organisation.
    Organization,
    /// Another outlet or its report.
    Media,
    /// Unnamed officials, aides, sources.
    Anonymous,
    /// A report, statement or filing.
    Document,
}

impl SourceType {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceType::Person => "person",
            SourceType::Organization => "organization",
            SourceType::Media => "media",
            SourceType::Anonymous => "anonymous",
            SourceType::Document => "document",
        }
    }
}

/// What the text says of the source's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// "while not denying the report".
    NotDenied,
    /// "denied".
    Denied,
    /// "confirmed".
    Confirmed,
    /// "declined to comment".
    Declined,
}

impl Stance {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::NotDenied => "not_denied",
            Stance::Denied => "denied",
            Stance::Confirmed => "confirmed",
            Stance::Declined => "declined",
        }
    }
}

/// One attribution. Source and cue are token ranges; content and parts are
/// code-point ranges (a quotation may run over several sentences).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// Its kind.
    pub kind: Kind,
    /// The source as written (tokens, end exclusive).
    pub source: Option<(usize, usize)>,
    /// The entity the source refers to (index into the entities given).
    pub source_entity: Option<usize>,
    /// The source's type.
    pub source_type: SourceType,
    /// The cue (tokens, end exclusive).
    pub cue: Option<(usize, usize)>,
    /// The content (code points, end exclusive).
    pub content: Option<(usize, usize)>,
    /// The content's pieces when the cue interrupts it (code points).
    pub parts: Vec<(usize, usize)>,
    /// The source's stance, when stated.
    pub stance: Option<Stance>,
}

/// Find the attributions of a document and resolve their sources: sources
/// that name no entity but are anonymous or collective ("presidential aides",
/// "Iranian officials") become entities of kind `Group`, with the affiliation
/// the description gives, so that later mentions resolve to them. Returns the
/// attributions and the entities with the groups added.
pub fn resolve(doc: &Doc, mut entities: Vec<Entity>) -> (Vec<Attribution>, Vec<Entity>) {
    let mut atts = find(doc, &entities);
    for att in &mut atts {
        let Some((s, e)) = att.source else { continue };
        // ("The authors cautioned …. Still, they wrote, …": a "they" the
        // language layer gave a group it knew is looked at again, since the
        // groups sources make are new here.)
        let they_of_group = e == s + 1 && doc.low(s) == "they" && att.source_entity.is_some_and(|gi| entities[gi].kind == EntityKind::Group);
        if att.source_entity.is_some() && !they_of_group {
            continue;
        }
        // "Analysts at Morgan Stanley wrote …. “…,” they wrote.": "they"
        // is the group a source made just before (within two sentences),
        // which the language layer did not know when it read the pronouns.
        // ("Residents said …. Several told The Associated Press …": a
        // quantifier alone is some of that group, anonymous too.)
        let some = e == s + 1 && matches!(doc.low(s), "several" | "some" | "many" | "others" | "most" | "few" | "both" | "one" | "another");
        if some {
            att.source_type = SourceType::Anonymous;
        }
        if e == s + 1 && (doc.low(s) == "they" || some) {
            let si = doc.sentence_of[s];
            let last = entities
                .iter()
                .enumerate()
                .filter(|(_, g)| g.kind == EntityKind::Group)
                // (Some of a group of several: "one company says …, another
                // says" is no member of "one company".)
                .filter(|(_, g)| {
                    let head = g.name.split(' ').take_while(|w| !matches!(*w, "of" | "in" | "at" | "for" | "from" | "with" | "familiar" | "close" | "who" | "that")).last().unwrap_or("");
                    !(some || they_of_group) || head.len() > 3 && head.ends_with('s') && !head.ends_with("ss")
                })
                // (Mentions by name or noun: the language layer's pronouns
                // went to the groups it knew, "their" of "The authors
                // cautioned that their estimate …" to "other sources".)
                .filter_map(|(gi, g)| g.mentions.iter().filter(|m| (m.kind != MentionKind::Pronoun || !they_of_group) && m.tok_end <= s && doc.sentence_of[m.tok_start] + 2 >= si).map(|m| m.tok_end).max().map(|at| (at, gi)))
                .max();
            if let Some((_, gi)) = last.filter(|&(_, gi)| Some(gi) != att.source_entity) {
                if let Some(old) = att.source_entity {
                    entities[old].mentions.retain(|m| (m.tok_start, m.tok_end) != (s, e));
                }
                entities[gi].mentions.push(doc.mention(s, e, MentionKind::Pronoun));
                att.source_entity = Some(gi);
            }
            continue;
        }
        // A relative "who" names the group it stands for.
        // ("Ed Pierson, a former Boeing manager who has raised concerns":
        // without a comma, the noun phrase right before it.)
        let (s, e) = if e == s + 1 && matches!(doc.low(s), "who" | "which") {
            let a = doc.sentence_start(s);
            relative_antecedent(doc, a, s).unwrap_or((s, e))
        } else {
            (s, e)
        };
        // Unnamed bodies too ("the state budget office", "Mayor Sobczak's
        // office", "a coalition of unions, which feared …").
        let body = att.source_type == SourceType::Organization && ORGANIZATION_HEADS.contains(&doc.low(noun_head(doc, s, e)));
        if att.source_type != SourceType::Anonymous && !body {
            continue;
        }
        // ("Other candidates, including Carly Fiorina": the group is the
        // candidates.)
        let e = (s + 1..e.saturating_sub(1)).find(|&k| doc.w(k) == "," && doc.low(k + 1) == "including").unwrap_or(e);
        let mut x = s;
        while x < e && matches!(doc.low(x), "the" | "a" | "an" | "some" | "several" | "two" | "three" | "other" | "many") {
            x += 1;
        }
        let words: Vec<&str> = (x..e).map(|k| doc.low(k)).collect();
        if x >= e || words.iter().all(|w| PRONOUNS.contains(&w)) {
            continue;
        }
        // "Boeing's chief executive … will step down, the company announced":
        // the company is the one named last before it.
        // ("The agency quoted him": the Korean Central News Agency, the
        // organisation named last whose name ends in the noun.)
        // (A body's noun, a name of at most five words: not "The movie",
        // "the police" of a headline the tagger took for a name.)
        // (Or its plural: "the airline" of "SkyWest Airlines".)
        let ends_in = |ent: &Entity| {
            let noun = doc.low(s + 1);
            ent.kind == EntityKind::Organization && ent.name.split(' ').count() <= 5 && (dossier_language::entities::ends_in_word(&ent.name, noun) || ent.name.ends_with('s') && dossier_language::entities::ends_in_word(&ent.name[..ent.name.len() - 1], noun))
        };
        let body_noun = e == s + 2 && (ORGANIZATION_HEADS.contains(&doc.low(s + 1)) || COMPANY_NOUNS.contains(&doc.low(s + 1)) || doc.low(s + 1) == "agency");
        // ("The safety board": the organisation whose name ends in both
        // words, the National Transportation Safety Board.)
        let two_words = e == s + 3 && ORGANIZATION_HEADS.contains(&doc.low(s + 2)) && doc.w(s + 1).chars().all(|c| c.is_lowercase());
        let ends_in_both = |ent: &Entity| {
            let mut w = ent.name.rsplit(' ');
            ent.kind == EntityKind::Organization && w.next().is_some_and(|l| l.eq_ignore_ascii_case(doc.low(s + 2))) && w.next().is_some_and(|p| p.eq_ignore_ascii_case(doc.low(s + 1)))
        };
        // The entity `keep` takes that is named last before the source.
        let named_last = |keep: &dyn Fn(&Entity) -> bool| {
            entities.iter().enumerate().filter(|(_, ent)| keep(ent)).filter_map(|(gi, ent)| ent.mentions.iter().filter(|m| m.kind == MentionKind::Name && m.tok_end <= s).map(|m| m.tok_end).max().map(|at| (at, gi))).max().map(|(_, gi)| gi)
        };
        let the = doc.low(s) == "the";
        let named_by_noun = (body_noun && the).then(|| named_last(&ends_in)).flatten().or_else(|| (two_words && the).then(|| named_last(&ends_in_both)).flatten());
        // (Else a company's noun: a company, not a party or a public body
        // named since.)
        let company = || {
            let named = dossier_language::entities::company_named_last(&entities, doc, s).map(|ent| ent.name.clone());
            named.and_then(|n| entities.iter().position(|ent| ent.kind == EntityKind::Organization && ent.name == n))
        };
        // ("the Harrowgate Property Owners Association, which represents
        // about 600 landlords. The group said …": "the group" or "the
        // organization" is the association, union or coalition named last.)
        let association = || {
            let civic = |ent: &Entity| !ent.media && ent.name.rsplit(' ').next().is_some_and(|w| matches!(w, "Association" | "Coalition" | "Alliance" | "Union" | "Council" | "Project" | "Fund" | "Foundation" | "Institute" | "Center" | "PAC" | "Network" | "Federation" | "Society" | "Group" | "Campaign" | "League"));
            let named = dossier_language::entities::organization_named_last_where(&entities, s, civic).map(|ent| ent.name.clone());
            named.and_then(|n| entities.iter().position(|ent| ent.kind == EntityKind::Organization && ent.name == n))
        };
        let by_noun = named_by_noun
            .or_else(|| (e == s + 2 && doc.low(s) == "the" && COMPANY_NOUNS.contains(&doc.low(s + 1))).then(company).flatten())
            // ("the packaged-food maker", "the Swiss drugmaker", "the
            // search giant": a company's noun after modifiers.)
            .or_else(|| {
                let last = doc.low(e - 1);
                let company_noun = COMPANY_NOUNS.contains(&last) || last.ends_with("maker") || matches!(last, "giant" | "producer" | "supplier" | "operator" | "distributor" | "publisher" | "exporter" | "importer");
                // (Words in lower case: "the Trump team" is no company's; a
                // nationality may be capitalised: "the Spanish club".)
                let modifiers = (s + 1..e - 1).all(|k| (doc.w(k).chars().all(|c| c.is_lowercase() || c == '-') || dossier_language::entities::demonym_place(doc.w(k)).is_some()) && !has_verb_form(doc, k));
                (e > s + 2 && e <= s + 4 && doc.low(s) == "the" && company_noun && modifiers).then(company).flatten()
            })
            .or_else(|| (e == s + 2 && doc.low(s) == "the" && matches!(doc.low(s + 1), "group" | "organization" | "organisation")).then(association).flatten());
        if let Some(gi) = by_noun {
            entities[gi].mentions.push(doc.mention(s, e, MentionKind::Nominal));
            att.source_entity = Some(gi);
            att.source_type = if entities[gi].media { SourceType::Media } else { SourceType::Organization };
            continue;
        }
        // A group of people or a body, not "the state impasse" or a
        // clause the rules took for a source.
        let h = noun_head(doc, x, e);
        let head = doc.low(h);
        let speakers = ANONYMOUS_HEADS.contains(&head)
            || PEOPLE_HEADS.contains(&head)
            || ORGANIZATION_HEADS.contains(&head)
            || dossier_language::entities::ROLE_HEADS.contains(&head)
            || head.len() > 3 && head.ends_with('s') && !head.ends_with("ss") && (doc.w(h).starts_with(char::is_lowercase) || h == doc.sentence_start(h))
            || matches!(head, "who" | "which" | "staff" | "public" | "crowd" | "audience" | "police" | "clergy" | "leadership" | "management" | "administration")
            // ("the union representing café staff in the canton": the
            // first noun names the body.)
            || ORGANIZATION_HEADS.contains(&doc.low(x)) || ANONYMOUS_HEADS.contains(&doc.low(x));
        if !speakers {
            continue;
        }
        let name = doc.span_text(x, e);
        // "Mayor Renata Sobczak's office": the person or body it belongs to.
        let owner = (x + 1..e).filter(|&k| matches!(doc.w(k), "’s" | "'s")).find_map(|k| {
            // ("Iran's mission to the United Nations": a country's too.)
            entities.iter().find(|ent| matches!(ent.kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place) && ent.mentions.iter().any(|m| m.tok_end == k && m.kind == MentionKind::Name)).map(|ent| ent.name.clone())
        });
        // "A spokeswoman for Facebook", "aides to Mr. Obama", "officials at
        // the Pentagon", "A Google spokesman": the name it is of.
        let named_at = |k: usize| {
            entities.iter().find(|ent| matches!(ent.kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place) && ent.mentions.iter().any(|m| m.tok_start == k && m.tok_end <= e && m.kind == MentionKind::Name))
        };
        let of_name = (x + 1..e)
            .filter(|&k| matches!(doc.low(k), "for" | "of" | "at" | "to" | "from" | "in" | "with"))
            .find_map(|k| {
                // (past "the" and a title: "to Mr. Obama", "for the Pentagon")
                // (a person first: "for House Speaker Mike Johnson")
                let skip = |j: usize| matches!(doc.low(j), "the" | "mr." | "mrs." | "ms." | "dr." | "president" | "sen." | "senator" | "gov." | "governor" | "rep.") || doc.w(j).starts_with(char::is_uppercase);
                let near: Vec<usize> = (k + 1..(k + 5).min(e)).take_while(|&j| j == k + 1 || skip(j - 1)).collect();
                near.iter().find_map(|&j| named_at(j).filter(|ent| ent.kind == EntityKind::Person)).or_else(|| near.iter().find_map(|&j| named_at(j)))
            })
            .or_else(|| (x..h).find_map(named_at))
            .map(|ent| ent.name.clone())
            .or_else(|| {
                // "A spokeswoman for the company": the organisation named
                // last before it.
                let company = (x + 1..e.saturating_sub(2)).any(|k| matches!(doc.low(k), "for" | "of" | "at") && doc.low(k + 1) == "the" && COMPANY_NOUNS.contains(&doc.low(k + 2)));
                company.then(|| dossier_language::entities::company_named_last(&entities, doc, s).map(|ent| ent.name.clone())).flatten()
            });
        // ("His spokeswoman": the person the language layer took "his" for.)
        let owner = owner.or_else(|| {
            matches!(doc.low(s), "his" | "her")
                .then(|| entities.iter().find(|ent| ent.kind == EntityKind::Person && ent.mentions.iter().any(|m| m.tok_start == s && m.kind == MentionKind::Pronoun)).map(|ent| ent.name.clone()))
                .flatten()
        });
        let affiliation = owner.or(of_name).or_else(|| (x..e).find_map(|k| {
            let w = doc.low(k);
            if w == "presidential" || w == "white" && doc.low(k + 1) == "house" {
                Some("the president".to_string())
            } else {
                dossier_language::entities::demonym_place(doc.w(k)).map(str::to_string)
            }
        }));
        let mention = doc.mention(s, e, MentionKind::Nominal);
        // "Two aides familiar with the talks said …; one of the aides said
        // …", "the aides": a definite or partitive plural names the group
        // of the same noun mentioned before it.
        let partitive = (s + 1..e).find(|&k| doc.low(k) == "of").is_some_and(|k| {
            (s..k).all(|j| QUANTITIES.contains(&doc.low(j)) || matches!(doc.low(j), "another" | "each")) && matches!(doc.low(k + 1), "the" | "those" | "these")
        });
        // ("Ukraine's air force said …. …, the air force said": a body's
        // singular head too.)
        let plural = matches!(doc.low(s), "the" | "those" | "these") && head.ends_with('s');
        // ("A senior diplomat involved in the mediation said …. …, the
        // diplomat said.": an anonymous speaker's singular head too.)
        let singular = !plural && doc.low(s) == "the" && (ORGANIZATION_HEADS.contains(&head) || ANONYMOUS_HEADS.contains(&head));
        let definite = plural || singular;
        // Of several such groups, the one mentioned last before.
        let earlier = (partitive || definite)
            .then(|| {
                // (A singular body only as the end of the group's name: "the
                // air force" of "Ukraine's air force", not "the Sanders
                // campaign" of "the Clinton campaign".)
                let rest = doc.span_text(s + 1, e).to_lowercase();
                let same_noun = |g: &Entity| {
                    // ("the group" of "A group representing newspapers …")
                    (!singular || ANONYMOUS_HEADS.contains(&head) || g.name.to_lowercase().ends_with(&rest) || g.name.to_lowercase().starts_with(&format!("{rest} ")))
                        && g.kind == EntityKind::Group
                        && g.mentions.first().is_some_and(|m| m.tok_end <= s && m.tok_start < m.tok_end && {
                            let mut gx = m.tok_start;
                            while gx + 1 < m.tok_end && matches!(doc.low(gx), "the" | "a" | "an" | "some" | "several" | "two" | "three" | "other" | "many") {
                                gx += 1;
                            }
                            doc.low(noun_head(doc, gx, m.tok_end)) == head
                        })
                };
                let last_before = |g: &Entity| g.mentions.iter().filter(|m| m.tok_end <= s).map(|m| m.tok_end).max().unwrap_or(0);
                entities.iter().enumerate().filter(|(_, g)| same_noun(g)).max_by_key(|(_, g)| last_before(g)).map(|(i, _)| i)
            })
            .flatten();
        let idx = match earlier.or_else(|| entities.iter().position(|g| g.kind == EntityKind::Group && g.name.eq_ignore_ascii_case(&name))) {
            Some(i) => {
                if !entities[i].mentions.iter().any(|m| (m.tok_start, m.tok_end) == (s, e)) {
                    entities[i].mentions.push(mention);
                }
                i
            }
            None => {
                entities.push(Entity { name, kind: EntityKind::Group, roles: Vec::new(), affiliation, media: false, mentions: vec![mention] });
                entities.len() - 1
            }
        };
        att.source_entity = Some(idx);
    }
    singular_anonymous_pronouns(doc, &mut atts, &mut entities);
    (atts, entities)
}

/// "…, a spokeswoman for the bureau's field office said. She declined to
/// say …": "she" or "he" right after an unnamed speaker's attribution, with
/// no person named between, is that speaker (the language layer, which
/// knows only named persons, gave it the last woman named).
fn singular_anonymous_pronouns(doc: &Doc, atts: &mut [Attribution], entities: &mut [Entity]) {
    for i in 1..atts.len() {
        let (Some((s, e)), Some((cs, _))) = (atts[i].source, atts[i].cue) else { continue };
        let pronoun = doc.low(s);
        if e != s + 1 || !matches!(pronoun, "he" | "she" | "it") || atts[i].source_entity.is_some() && pronoun == "it" {
            continue;
        }
        let prev = &atts[i - 1];
        // ("“…,” the ministry said in a statement. It called on …": "it"
        // left unresolved right after a body's attribution, with no other
        // body named between, is that body.)
        if pronoun == "it" {
            let (Some((pcs, _)), Some((ps, pe))) = (prev.cue, prev.source) else { continue };
            // ("The report, by a former federal judge, found …. It
            // recommended …": a document the sentence before spoke by is
            // what "it" stands for, whether or not an entity names it.)
            if prev.source_type == SourceType::Document && atts[i].source_entity.is_none() && s == doc.sentence_start(s) && ps == doc.sentence_start(ps) && doc.sentence_of[pcs] + 1 == doc.sentence_of[cs] && (is_speech_verb(doc.low(pcs)) || finite_past(doc, pcs)) {
                let gi = prev.source_entity;
                if let Some(gi) = gi {
                    entities[gi].mentions.push(doc.mention(s, e, MentionKind::Pronoun));
                }
                atts[i].source_entity = gi;
                atts[i].source_type = SourceType::Document;
                continue;
            }
            // (A body the previous sentence's subject or its inverted
            // speaker, not a place: "… in Indiana. It slams …" is the ad; and
            // "it" opening its sentence or after the quotation it spoke.)
            let Some(gi) = prev.source_entity.filter(|&gi| prev.source_type == SourceType::Organization && entities[gi].kind != EntityKind::Place) else { continue };
            let subject = ps == doc.sentence_start(ps) || matches!(doc.low(ps), "the" | "a" | "an") && ps > 0 && matches!(doc.w(ps - 1), "," | "”" | "\"" | "’");
            let opens = s == doc.sentence_start(s) || s > 1 && doc.w(s - 1) == "," && is_quote_mark(doc.w(s - 2)) || s > 0 && is_quote_mark(doc.w(s - 1));
            let mentioned = entities[gi].mentions.iter().any(|m| ps <= m.tok_start && m.tok_end <= pe && (m.tok_start, m.tok_end) != (ps + 1, pe) || (m.tok_start, m.tok_end) == (ps, pe));
            let verb = is_speech_verb(doc.low(pcs)) || finite_past(doc, pcs);
            if !subject || !opens || !mentioned || !verb {
                continue;
            }
            let pe = pe.max(pcs);
            let named_between = entities.iter().any(|ent| ent.kind == EntityKind::Organization && ent.mentions.iter().any(|m| m.tok_start >= pe && m.tok_end <= s));
            if named_between || doc.sentence_of[pcs] + 1 < doc.sentence_of[cs] {
                continue;
            }
            entities[gi].mentions.push(doc.mention(s, e, MentionKind::Pronoun));
            atts[i].source_entity = Some(gi);
            atts[i].source_type = SourceType::Organization;
            continue;
        }
        let (Some((ps, pe)), Some(gi), Some((pcs, _))) = (prev.source, prev.source_entity, prev.cue) else { continue };
        if prev.source_type != SourceType::Anonymous || entities[gi].kind != EntityKind::Group || doc.sentence_of[pcs] + 1 < doc.sentence_of[cs] {
            continue;
        }
        let head = doc.low(noun_head(doc, ps, pe));
        let agrees = match head {
            "spokeswoman" | "woman" | "congresswoman" | "councilwoman" | "chairwoman" => pronoun == "she",
            "spokesman" | "man" | "congressman" | "councilman" | "chairman" => pronoun == "he",
            "spokesperson" | "official" | "aide" | "person" | "source" | "diplomat" | "officer" | "adviser" | "advisor" | "executive" | "lawyer" | "staffer" | "employee" | "representative" => true,
            _ => false,
        };
        // (No person named since: "…, the official said. Ms. Ruiz … she".)
        let named_between = entities.iter().any(|ent| ent.kind == EntityKind::Person && ent.mentions.iter().any(|m| m.kind == MentionKind::Name && m.tok_start >= pe && m.tok_end <= s));
        if !agrees || named_between {
            continue;
        }
        for ent in entities.iter_mut() {
            ent.mentions.retain(|m| !(m.tok_start == s && m.tok_end == e && m.kind == MentionKind::Pronoun));
        }
        entities[gi].mentions.push(doc.mention(s, e, MentionKind::Pronoun));
        atts[i].source_entity = Some(gi);
        atts[i].source_type = SourceType::Anonymous;
    }
}

/// Find the attributions of a document.
pub fn find(doc: &Doc, entities: &[Entity]) -> Vec<Attribution> {
    // Two apostrophes as a quotation mark (''…'', as some outlets write):
    // read them as a straight double quote. The stand-in text has the same
    // bytes and code points, so every token and offset stays valid.
    if let Some(fixed) = stand_in_marks(doc) {
        let fixed_doc = Doc::new(&fixed, doc.tokens, doc.sentences);
        let mut out = find_in(&fixed_doc, entities);
        // A closing '' is two tokens: the content takes in the second.
        let chars: Vec<char> = doc.text.chars().collect();
        let widen = |(s, e): (usize, usize)| (s, if e >= 1 && e < chars.len() && chars[e - 1] == '\'' && chars[e] == '\'' { e + 1 } else { e });
        for att in &mut out {
            att.content = att.content.map(widen);
            att.parts = att.parts.iter().copied().map(widen).collect();
        }
        return out;
    }
    find_in(doc, entities)
}

/// The text with each `''` (two apostrophe tokens, adjacent) made `"'`, and
/// each opening mark written for a closing one (`“It's unusual,“ said`:
/// attached to the word before it and followed by a space) made `”`, and
/// each closing mark written for an opening one (`”Fear. I am …”`: after a
/// space and attached to the word after it) made `“`, or `None` when there
/// is none.
fn stand_in_marks(doc: &Doc) -> Option<String> {
    let n = doc.tokens.len();
    let apostrophe = |k: usize| k < n && doc.w(k) == "'";
    let joined = |k: usize| doc.tokens[k].bend == doc.tokens[k + 1].bstart;
    let pair_at = |k: usize| apostrophe(k) && apostrophe(k + 1) && joined(k);
    // In a run of three (`special case,'''` closing a quotation within a
    // quotation, `'''Hey` opening one), the pair is the last two when the
    // run closes (attached to the word before it), else the first two.
    let pairs: Vec<usize> = (0..n.saturating_sub(1))
        .filter(|&k| pair_at(k))
        .filter(|&k| {
            let third_after = k + 2 < n && apostrophe(k + 2) && joined(k + 1);
            let third_before = k > 0 && apostrophe(k - 1) && joined(k - 1);
            let closing = |first: usize| first > 0 && doc.tokens[first - 1].bend == doc.tokens[first].bstart;
            if third_after {
                !closing(k)
            } else if third_before {
                closing(k - 1)
            } else {
                true
            }
        })
        .collect();
    let closing_opens: Vec<usize> = (1..n)
        .filter(|&k| doc.w(k) == "“" && doc.tokens[k - 1].bend == doc.tokens[k].bstart && (k + 1 == n || doc.tokens[k].bend < doc.tokens[k + 1].bstart))
        .collect();
    // A closing mark written to open a quotation: after a space or a line
    // break and attached to the word it opens ("\n\n”Mr. Trump embodies …").
    let opening_closes: Vec<usize> = (0..n.saturating_sub(1))
        .filter(|&k| doc.w(k) == "”" && (k == 0 || doc.tokens[k - 1].bend < doc.tokens[k].bstart) && doc.tokens[k].bend == doc.tokens[k + 1].bstart && doc.w(k + 1).chars().next().is_some_and(char::is_alphanumeric))
        .collect();
    if pairs.is_empty() && closing_opens.is_empty() && opening_closes.is_empty() {
        return None;
    }
    let mut bytes = doc.text.as_bytes().to_vec();
    // U+201C and U+201D differ in their last UTF-8 byte only.
    for k in closing_opens {
        bytes[doc.tokens[k].bstart + 2] = 0x9d;
    }
    for k in opening_closes {
        bytes[doc.tokens[k].bstart + 2] = 0x9c;
    }
    for k in pairs {
        // A closing pair (attached to the word before it: `winter,''`) has
        // its second apostrophe made the mark, so that the mark is the token
        // right before what follows (`,'' said Ms. Lund`); an opening pair its first.
        let closing = k > 0 && doc.tokens[k - 1].bend == doc.tokens[k].bstart;
        bytes[doc.tokens[if closing { k + 1 } else { k }].bstart] = b'"';
        // ("win,'' Mr. King, 82, said": the closing pair's first apostrophe
        // repeats the comma or stop before it, so that the mark follows
        // one, as a closing “,”” does.)
        if closing && matches!(doc.w(k - 1), "," | ".") {
            bytes[doc.tokens[k].bstart] = doc.w(k - 1).as_bytes()[0];
        }
    }
    String::from_utf8(bytes).ok()
}

/// The content model's proposals for a document, before the model chooses
/// (for training it): the rules' attributions and the candidates of each cue.
/// The cue scores come from `cue_model` (for training the content model on
/// scores of a detector that has not seen the article).
pub fn training_proposals(doc: &Doc, cue_model: &cues::Model) -> (Vec<content::Proposal>, Vec<Attribution>) {
    let run = |doc: &Doc| {
        let quotes = quotations(doc);
        let scores = cues::scores_with(doc, cue_model);
        let rules = rules(doc, &quotes, &scores);
        (content::proposals(doc, &quotes, &scores, &rules, content::TRAIN_LOW_CUE), rules)
    };
    match stand_in_marks(doc) {
        Some(fixed) => run(&Doc::new(&fixed, doc.tokens, doc.sentences)),
        None => run(doc),
    }
}

fn find_in(doc: &Doc, entities: &[Entity]) -> Vec<Attribution> {
    let quotes = quotations(doc);
    let scores = cues::scores(doc);
    let out = rules(doc, &quotes, &scores);
    let mut out = content::apply(doc, &quotes, &scores, out);
    for att in &mut out {
        quoted_as_saying(doc, &quotes, att);
        particle_to_cue(doc, att);
        plea_to_cue(doc, att);
        from_source(doc, att);
        noun_phrase_source(doc, att);
        possessor_source(doc, att);
        document_participle(doc, att);
        as_put_it(doc, att);
        fronted_verb(doc, &quotes, att);
        passive_by(doc, &quotes, att);
        subordinate_end(doc, &quotes, att);
        condition_with_its_clause(doc, att);
        event_adjunct_tail(doc, att);
        leading_adjunct_out(doc, att);
        trailing_time_out(doc, att);
        listener_out(doc, att);
        participle_aside(doc, att);
        quoted_epithets(doc, att);
        // "Mayor Lutz expressed confidence that …": a source that runs to a
        // noun cue ends before the verb that carries it.
        // ("Mayor Felix Grant likes to say that …": a source that stops
        // short of the "to" before its cue, the same.)
        let to_before_cue = |(ss, se): (usize, usize)| match att.cue {
            Some((cs, _)) if cs == se + 1 && doc.low(se) == "to" => (ss, se + 1),
            _ => (ss, se),
        };
        att.source = att.source.and_then(|src| infinitive_subject(doc, to_before_cue(src)));
        if let (Some((ss, se)), Some((cs, _))) = (att.source, att.cue) {
            let w = doc.low(cs);
            let noun = crate::lexicon::NOUN_CUES.contains(&w) || crate::lexicon::REACTION_NOUNS.contains(&w) || !is_speech_verb(w) && !finite_past(doc, cs) && !w.ends_with("ing") && !w.ends_with('s') && doc.w(cs).starts_with(char::is_lowercase);
            if se == cs && noun {
                // ("Mrs. Clinton has been frank in her acknowledgment that
                // …": the possessive determiner, which stands for the
                // subject, when a clause's verb comes before it; PolNeAR's
                // annotators mark it so.)
                let possessive = cs > ss + 2 && matches!(doc.low(cs - 1), "her" | "his" | "their" | "its");
                let verb = (ss + 1..cs - 1).any(|k| crate::lexicon::FINITE_AUXILIARIES.contains(&doc.low(k)) && doc.w(k).starts_with(char::is_lowercase));
                att.source = if possessive && verb { Some((cs - 1, cs)) } else { without_trailing_verbs(doc, (ss, se)) };
            }
        }
    }
    // "has not been charged with …", "is supported by …": a passive cue
    // whose content would start with a preposition is no attribution.
    out.retain(|att| !passive_preposition(doc, att));
    // "A powerful winter storm knocked out power …": an event says nothing.
    out.retain(|att| !att.source.is_some_and(|src| is_event(doc, src)) && !correction_notice(doc, att));
    // "posted Friday", "reported. Still": a content of time words and
    // sentence adverbs only.
    out.retain(|att| !empty_content(doc, att));
    out.retain(|att| !document_reduced_relative(doc, att));
    shared_subject_sources(doc, &mut out);
    relative_object_parts(doc, &mut out);
    relative_subject_parts(doc, &mut out);
    front_parts(doc, &mut out);
    for att in &mut out {
        inverted_aside(doc, att);
        adverbial_front(doc, att);
    }
    conjoined_tails(doc, &mut out);
    quoted_continuations(doc, &quotes, &mut out);
    nested_tails(doc, &mut out);
    next_speaker_ends(doc, &mut out);
    for att in &mut out {
        skip_dateline(doc, att);
        skip_aside_before_that(doc, att);
        auxiliaries_to_cue(doc, att);
        raising_parts(doc, att);
    }
    for att in &mut out {
        tidy_source(doc, att);
        classify_source(doc, entities, att);
        relative_source(doc, att);
        said_no_comment(doc, att);
        cue_stance(doc, att);
    }
    // "The dominant strain appears to be H3N2, …, according to the C.D.C.":
    // a cue with no source inside an "according to" content is that
    // source's, not an attribution of its own.
    let according: Vec<(usize, usize)> = out.iter().filter(|o| o.kind == Kind::AccordingTo).filter_map(|o| o.content).collect();
    out.retain(|att| att.source.is_some() || att.kind == Kind::AccordingTo || !att.cue.is_some_and(|(cs, _)| according.iter().any(|&(x, y)| x <= doc.tokens[cs].start && doc.tokens[cs].start < y)));
    out
}

/// A noun of something written or shown that may speak for itself: a
/// document's ("the report") or a post's, an ad's, a sign's.
fn is_document_noun(w: &str) -> bool {
    DOCUMENT_HEADS.contains(&w)
        || matches!(w, "review" | "reviews" | "polls" | "ad" | "ads" | "video" | "videos" | "tweet" | "tweets" | "post" | "posts" | "evidence" | "information" | "disclaimers" | "filings" | "letters" | "studies" | "surveys" | "message" | "messages" | "headline" | "banner" | "banners" | "signs" | "sign")
}

/// "… the ministry said in a statement posted on its website.": a
/// participle right after a document's noun qualifies the document (a
/// reduced relative clause); it says nothing.
fn document_reduced_relative(doc: &Doc, att: &Attribution) -> bool {
    let Some((cs, ce)) = att.cue else { return false };
    if ce != cs + 1 || cs < 2 || ce >= doc.tokens.len() || att.kind == Kind::NoComment {
        return false;
    }
    is_document_noun(doc.low(cs - 1))
        && doc.w(cs - 1).starts_with(char::is_lowercase)
        && matches!(doc.low(cs), "posted" | "published" | "released" | "issued" | "sent" | "written" | "distributed" | "circulated" | "aired" | "filed" | "tweeted" | "shared")
        && matches!(doc.low(ce), "on" | "in" | "by" | "to" | "online" | "late" | "earlier" | "last" | "this" | "after" | "before")
        && matches!(doc.low(cs - 2), "a" | "an" | "the" | "its" | "his" | "her" | "their")
}

/// "told me he supported the project": the listener, a pronoun right after
/// the cue, is no part of the content that follows it.
fn listener_out(doc: &Doc, att: &mut Attribution) {
    let (Some((_, ce)), Some((s, e))) = (att.cue, att.content) else { return };
    if ce + 2 >= doc.tokens.len() || doc.tokens[ce].start != s || !matches!(doc.low(ce - 1), "told" | "tells" | "tell" | "telling") {
        return;
    }
    let pronoun = matches!(doc.low(ce), "me" | "him" | "us" | "them") || doc.low(ce) == "her" && PRONOUN_SUBJECTS.contains(&doc.low(ce + 1));
    if pronoun && !is_punct(doc.w(ce + 1)) && doc.tokens[ce + 1].start < e {
        att.content = Some((doc.tokens[ce + 1].start, e));
        if let Some(first) = att.parts.first_mut().filter(|p| p.0 == s) {
            first.0 = doc.tokens[ce + 1].start;
        }
    }
}

/// "endorsed it last month", "first reported the talks on Monday": a time
/// at the end of a short object right after its cue is when it was said,
/// not what.
fn trailing_time_out(doc: &Doc, att: &mut Attribution) {
    let (Some((_, ce)), Some((s, e)), true) = (att.cue, att.content, att.parts.is_empty()) else { return };
    if att.kind != Kind::Indirect || ce >= doc.tokens.len() || doc.tokens[ce].start != s {
        return;
    }
    let (x, y) = tokens_of(doc, (s, e));
    // ("ended waterboarding when he took office": a subordinate clause
    // after a short object is when, not what.)
    if let Some(k) = (x + 1..y).find(|&k| matches!(doc.low(k), "when" | "as" | "after" | "before" | "while" | "because" | "since") && PRONOUN_SUBJECTS.contains(&doc.low(k + 1))) {
        // (An object, not a clause: "said he cannot comment … because …".)
        let clause = (x..k).any(|j| has_verb_form(doc, j) || PRONOUN_SUBJECTS.contains(&doc.low(j)) || FINITE_AUXILIARIES.contains(&doc.low(j)) || matches!(doc.low(j), "that" | "to" | "whether" | "if" | "cannot") || doc.w(j).contains('’') || doc.w(j).contains('\''));
        // ("ever since he entered office", "simply because she is")
        let mut k = k;
        while k > x + 1 && matches!(doc.low(k - 1), "ever" | "even" | "only" | "just" | "simply" | "long" | "shortly" | "soon" | "right" | "mainly" | "partly") {
            k -= 1;
        }
        // (Not down to a lone pronoun or particle: "watched her while …",
        // "sought after because …".)
        let lone = k == x + 1 && matches!(doc.low(x), "him" | "her" | "them" | "me" | "us" | "it" | "after" | "in" | "on" | "at" | "up" | "out");
        if !clause && !lone && k - x <= 8 {
            let (tx, ty) = trim(doc, x, k);
            if let Some(span) = chars(doc, tx, ty) {
                att.content = Some(span);
            }
            return;
        }
    }
    if y <= x + 2 || y - x > 8 || (x..y).any(|k| is_quote_mark(doc.w(k)) || has_verb_form(doc, k) || matches!(doc.low(k), "that" | "to" | "whether" | "if")) {
        return;
    }
    let unit = |w: &str| matches!(w, "week" | "month" | "year" | "weekend" | "morning" | "night" | "evening" | "afternoon");
    let cut = if y >= x + 3 && matches!(doc.low(y - 2), "last" | "this" | "next") && unit(doc.low(y - 1)) {
        Some(y - 2)
    } else if y >= x + 3 && doc.low(y - 2) == "on" && is_time_word(doc.low(y - 1)) && !is_month(doc.low(y - 1)) {
        Some(y - 2)
    } else if y >= x + 2 && matches!(doc.low(y - 1), "yesterday" | "today" | "tonight") {
        Some(y - 1)
    } else if y >= x + 3 && doc.low(y - 2) == "in" && (is_month(doc.low(y - 1)) && doc.w(y - 1).starts_with(char::is_uppercase) || doc.w(y - 1).len() == 4 && doc.w(y - 1).starts_with("20") && doc.w(y - 1).bytes().all(|c| c.is_ascii_digit())) {
        Some(y - 2)
    } else {
        None
    };
    // (Not down to a lone pronoun, which reads as a listener: "endorsed him
    // last week".)
    if let Some(c) = cut.filter(|&c| c > x && !(c == x + 1 && matches!(doc.low(x), "him" | "her" | "them" | "me" | "us"))) {
        let (tx, ty) = trim(doc, x, c);
        if let Some(span) = chars(doc, tx, ty) {
            att.content = Some(span);
        }
    }
}

/// "vowed on Tuesday to block the bill", "said privately that she
/// expected …": a time or an adverb between the cue and the "to" or "that"
/// that opens the content is no part of it.
fn leading_adjunct_out(doc: &Doc, att: &mut Attribution) {
    let (Some((_, ce)), Some((s, e)), true) = (att.cue, att.content, att.parts.is_empty()) else { return };
    if att.kind == Kind::NoComment || ce >= doc.tokens.len() || doc.tokens[ce].start != s {
        return;
    }
    let n = adjunct_len(doc, ce);
    let n = if n == 0 && is_manner_adverb(doc.low(ce)) && doc.low(ce).ends_with("ly") { 1 } else { n };
    // ("said outside the courthouse that …", "told reporters at a news
    // conference that …", "said through a spokeswoman that …": a short
    // place or channel phrase before "that".)
    let n = if n == 0 { place_phrase_len(doc, ce) } else { n };
    let k = ce + n;
    if n == 0 || k >= doc.tokens.len() || !matches!(doc.low(k), "that" | "to") || doc.tokens[k].start >= e {
        return;
    }
    att.content = Some((doc.tokens[k].start, e));
}

/// The length of a short place phrase at `k` that ends before "that" ("outside
/// the courthouse", "at a news conference in Lagos"), 0 when there is none.
fn place_phrase_len(doc: &Doc, k: usize) -> usize {
    if !matches!(doc.low(k), "outside" | "at" | "inside" | "during" | "after" | "before" | "near" | "from" | "in" | "on" | "through" | "via") {
        return 0;
    }
    let end = (k + 12).min(doc.sentence_end(k));
    let Some(t) = (k + 2..end).find(|&j| doc.low(j) == "that") else { return 0 };
    let plain = (k + 1..t).all(|j| !is_punct(doc.w(j)) && !has_verb_form(doc, j) && !matches!(doc.low(j), "he" | "she" | "it" | "they" | "we" | "i" | "there" | "and" | "but" | "who" | "which" | "what" | "this" | "those" | "these"));
    // ("said in an interview that …", "said on CNN that …"; not "believes
    // in journalism that takes sides", "agreed on creating a commission
    // … that could …": "in" and "on" only before a medium, and never a
    // relative "that" before a verb.)
    // ("through a spokeswoman", not "talked through policy issues that …")
    let by_person = |j: usize| ANONYMOUS_HEADS.contains(&doc.low(j)) || matches!(doc.low(j), "lawyer" | "lawyers" | "attorney" | "attorneys");
    let medium = !matches!(doc.low(k), "in" | "on" | "through" | "via")
        || (k + 1..t).any(|j| doc.w(j).starts_with(char::is_uppercase) || MEDIUM_NOUNS.contains(&doc.low(j)) || matches!(doc.low(k), "through" | "via") && by_person(j));
    let relative = t + 1 < doc.tokens.len() && (FINITE_AUXILIARIES.contains(&doc.low(t + 1)) || has_verb_form(doc, t + 1));
    if plain && medium && !relative { t - k } else { 0 }
}

/// "Mr. Cruz pledged to oppose …", "The email goes on to say: …": a source
/// that runs to the "to" of an infinitive cue is the subject before the
/// first verb (`None` when it opens with one: "seeking to convince …").
fn infinitive_subject(doc: &Doc, (s, e): (usize, usize)) -> Option<(usize, usize)> {
    if e <= s || doc.low(e - 1) != "to" {
        return Some((s, e));
    }
    let verb = |k: usize| {
        let w = doc.low(k);
        // ("a worker named Antonio Arroyo has nothing but good things to say")
        let name_participle = k > s && matches!(w, "named" | "called");
        let lower = doc.w(k).starts_with(char::is_lowercase);
        let other = lower
            && (w.ends_with("ing")
                || matches!(w, "goes" | "go" | "choose" | "chooses" | "continue" | "continues" | "want" | "wants" | "plan" | "plans" | "hope" | "hopes" | "try" | "tries" | "refuse" | "refuses" | "vow" | "vows" | "promise" | "promises" | "pledge" | "pledges" | "seem" | "seems" | "need" | "needs" | "decline" | "declines" | "likely" | "set" | "able" | "about" | "used" | "like" | "likes" | "love" | "loves" | "tend" | "tends" | "prefer" | "prefers" | "appear" | "appears"));
        !name_participle && (crate::finite_past(doc, k) || other)
    };
    let cut = (s..e - 1).find(|&k| verb(k)).unwrap_or(e - 1);
    let (x, y) = crate::trim(doc, s, cut);
    // ("It is wrong to attribute …", "when it comes to recognizing …": an
    // expletive "it" is no speaker.)
    (x < y && !(y == x + 1 && matches!(doc.low(x), "it" | "it's" | "it’s"))).then_some((x, y))
}

/// Is the source `(s, e)` (tokens) an event or a force of nature ("A
/// powerful winter storm knocked out power …"): what no one says?
fn is_event(doc: &Doc, (s, e): (usize, usize)) -> bool {
    e > s
        && doc.w(e - 1).starts_with(char::is_lowercase)
        && matches!(
            doc.low(e - 1),
            "storm" | "storms" | "hurricane" | "typhoon" | "tornado" | "blizzard" | "flood" | "floods" | "flooding" | "fire" | "fires" | "wildfire" | "wildfires"
                | "earthquake" | "quake" | "blast" | "explosion" | "crash" | "accident" | "virus" | "pandemic" | "outbreak" | "drought" | "heat" | "wave" | "rain" | "snow" | "winds"
        )
}

/// The source `(s, e)` (tokens) of a new attribution without the verbs it
/// ends in ("Trump has raised questions about …" → "Trump", "He expressed
/// amusement" → "He": the subject found for a noun cue runs to the noun);
/// `None` when nothing is left.
pub(crate) fn without_trailing_verbs(doc: &Doc, (s, mut e): (usize, usize)) -> Option<(usize, usize)> {
    // (Not a word after a determiner: "the left", "his repeated", "an
    // impassioned" are a noun and adjectives.)
    let determiner = |k: usize| k > s && matches!(doc.low(k - 1), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "this" | "that");
    // ("those surveyed", "the voters polled": a participle after its noun.)
    let participle = |k: usize| matches!(doc.low(k), "surveyed" | "polled" | "interviewed" | "questioned" | "contacted" | "reached" | "named" | "invalidated" | "heard");
    let verb = |k: usize| !determiner(k) && !participle(k) && (crate::finite_past(doc, k) || doc.w(k).starts_with(char::is_lowercase) && matches!(doc.low(k), "uses" | "use" | "faces" | "face" | "gets" | "keeps" | "keep" | "takes" | "seem" | "seems" | "appear" | "appears" | "remain" | "remains" | "become" | "becomes" | "sound" | "sounds" | "look" | "looks"));
    // ("The company lowered its forecast", "It edged up its forecast": the
    // verb's possessive object, the noun cue's own determiner.)
    if e >= s + 3 && matches!(doc.low(e - 1), "its" | "his" | "her" | "their" | "our") {
        let particle = matches!(doc.low(e - 2), "up" | "down" | "back" | "off" | "out");
        let v = if particle { e - 3 } else { e - 2 };
        if v > s && verb(v) {
            e = v + 1;
        }
    }
    let end = e;
    let ends_in_verb = e > s && verb(e - 1);
    while e > s && (verb(e - 1) || ends_in_verb && (crate::is_manner_adverb(doc.low(e - 1)) || matches!(doc.low(e - 1), "also" | "still" | "again" | "then" | "even" | "just" | "already" | "never" | "not"))) {
        e -= 1;
    }
    // ("a man with avowed respect", "He's a more dedicated proponent": an
    // adjective in -ed, not a verb, when what is left ends in a function word.)
    if e > s && e < end && matches!(doc.low(e - 1), "a" | "an" | "the" | "more" | "most" | "very" | "so" | "with" | "and" | "or" | "of" | "in" | "to" | "for" | "his" | "her" | "their" | "its") {
        return Some((s, end));
    }
    (e > s).then_some((s, e))
}

/// A source's leading conjunction or "as" is no part of it ("as Joel Pollak
/// of Breitbart California", "and Breitbart News"), and a source that is only
/// an existential "there" or a lone verb or preposition ("There was
/// widespread anger", "is", "of") is none: what the rules left between a
/// content and its cue when no speaker stands there.
fn tidy_source(doc: &Doc, att: &mut Attribution) {
    // (Sources are token ranges, contents code points.)
    let Some((mut x, y)) = att.source else { return };
    if x >= y || y > doc.tokens.len() {
        return;
    }
    while x + 1 < y && matches!(doc.low(x), "and" | "but" | "or" | "as") && !is_punct(doc.w(x + 1)) {
        x += 1;
    }
    // ("…, hours after the North's leader, Kim Jong Un, warned": no comma
    // at either end.)
    while x + 1 < y && doc.w(x) == "," {
        x += 1;
    }
    let mut y = y;
    while y > x + 1 && doc.w(y - 1) == "," {
        y -= 1;
    }
    att.source = Some((x, y));
    // "Nor is it clear that …", "It is likely that …": an expletive "it"
    // before an adjective is no speaker.
    let expletive = (x..y).filter(|&k| !matches!(doc.low(k), "nor" | "but" | "and" | "so" | "yet" | "is" | "was" | "seems" | "seemed" | "also" | "still" | "not")).map(|k| doc.low(k)).eq(["it"]);
    if expletive && att.cue.is_some_and(|(cs, _)| matches!(doc.low(cs), "clear" | "unclear" | "likely" | "unlikely" | "possible" | "evident" | "obvious" | "true" | "certain")) {
        att.source = None;
        att.source_entity = None;
        return;
    }
    // "The deal, first reported by Bloomberg, values …": the agent, not "by".
    if x + 1 < y && doc.low(x) == "by" && (doc.w(x + 1).starts_with(char::is_uppercase) || matches!(doc.low(x + 1), "the" | "a" | "an")) {
        x += 1;
    }
    // "’s service line … heard a recorded message that made no": a source
    // cut after a possessive is a piece of a clause, not a speaker.
    // Its subject may still be there, right before the cue ("That’s why
    // she’s so …", "'s a fraction of the $20 million experts say").
    if matches!(doc.w(x), "’s" | "'s") {
        let pronoun = (x + 1..y).rev().find(|&k| PRONOUN_SUBJECTS.contains(&doc.low(k)));
        let noun = Some(y - 1).filter(|&k| k > x && doc.w(k).chars().all(|c| c.is_ascii_lowercase()) && doc.w(k).len() > 3 && doc.w(k).ends_with('s') && !doc.w(k).ends_with("ss"));
        att.source = pronoun.or(noun).map(|k| (k, k + 1));
        att.source_entity = None;
        return;
    }
    // "China on Monday urged …", "The company late Tuesday said": a time
    // between the subject and the cue is not the source's.
    // (Only a day after "on", "late" or "early" right after the subject's
    // last word: not "USA Today", "on Super Tuesday", "a poll released on
    // Friday".)
    let mut y = y;
    let day = |w: &str| matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "today" | "yesterday");
    if y >= x + 3 && day(doc.low(y - 1)) && matches!(doc.low(y - 2), "on" | "late" | "early") {
        let last = doc.low(y - 3);
        if !is_punct(doc.w(y - 3)) && !last.ends_with("ed") && !matches!(last, "of" | "the" | "'s" | "’s" | "super") {
            y -= 2;
        }
    }
    let lone = y - x == 1 && matches!(doc.low(x), "there" | "is" | "was" | "are" | "were" | "of" | "being" | "no" | "not");
    let existential = doc.low(x) == "there" && x + 1 < y && matches!(doc.low(x + 1), "is" | "was" | "are" | "were" | "’s" | "'s" | "has" | "had" | "will" | "would");
    if lone || existential {
        att.source = None;
        att.source_entity = None;
    } else {
        att.source = Some((x, y));
    }
}

/// "Steenburgen wasn’t thrilled about …", "Recent governments have
/// recognized …": auxiliaries and negations between the source and the cue
/// belong to the cue (as `cue_start` has them for the rules' cues).
fn auxiliaries_to_cue(doc: &Doc, att: &mut Attribution) {
    let (Some((ss, se)), Some((cs, ce))) = (att.source, att.cue) else { return };
    if se != cs {
        return;
    }
    let negation = |w: &str| {
        let w = w.replace('’', "'");
        w == "not" || w == "never" || w.ends_with("n't")
    };
    let mut k = se;
    // ("Ms. Crane had not fully disclosed": an adverb in -ly too.)
    while k > ss + 1 && (AUXILIARIES.contains(&doc.low(k - 1)) && !matches!(doc.low(k - 1), "first" | "last" | "long" | "once" | "only" | "even" | "just") || doc.low(k - 1) == "yet" || negation(doc.low(k - 1)) || is_manner_adverb(doc.w(k - 1))) {
        k -= 1;
    }
    if k < se {
        att.source = Some((ss, k));
        att.cue = Some((k, ce));
    }
}

/// Participles whose passive ("is seen as", "was charged with") has the
/// subject in its content: in PolNeAR's training split, of the passive cues
/// with these heads (and "expected") 186 of 220 contents have both parts.
const PASSIVE_PERCEPTION: &[&str] = &[
    "expected", "known", "seen", "considered", "criticized", "charged", "accused", "viewed", "declared", "said", "shown", "regarded", "described", "perceived",
    "thought", "believed", "rumored", "deemed", "labeled", "dubbed", "portrayed", "nominated", "projected", "estimated", "praised", "blamed",
];

/// "Trump is expected to deliver a speech", "The senator seemed to enjoy
/// it", "Clinton reportedly is weighing a run", "The states are seen as
/// opportunities": a verb of seeming, a passive of `PASSIVE_PERCEPTION` or an
/// adverb of hearsay has no source; its content is its
/// subject and what follows, in two parts (PolNeAR's training split has both
/// parts in 216 of the 238 contents of such cues). An expletive subject ("It
/// seems that …") is no part.
fn raising_parts(doc: &Doc, att: &mut Attribution) {
    let (Some((cs, ce)), Some((s, e)), true) = (att.cue, att.content, att.parts.is_empty()) else { return };
    if !matches!(att.kind, Kind::Indirect | Kind::Mixed) || s < doc.tokens[ce - 1].end {
        return;
    }
    let raising = (cs..ce).any(|k| {
        matches!(doc.low(k), "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared" | "reportedly" | "seemingly")
            || PASSIVE_PERCEPTION.contains(&doc.low(k)) && (cs..k).any(|j| matches!(doc.low(j), "is" | "are" | "was" | "were" | "be" | "been" | "being"))
    });
    if !raising {
        return;
    }
    let sentence = doc.sentence_start(cs);
    // The subject ends where the source did, or before the cue's own
    // auxiliaries and adverbs.
    let end = match att.source {
        Some((_, se)) if se == cs => se,
        _ => cs,
    };
    let start = match att.source {
        Some((ss, se)) if se == cs => ss,
        _ => {
            if end > sentence && matches!(doc.low(end - 1), "which" | "who" | "that") {
                end - 1
            } else {
                // "Minnesota and Colorado are seen as …", but "…, and
                // Trump seemed …".
                let mut k = end;
                while k > sentence && k + 12 > end {
                    let w = doc.low(k - 1);
                    if is_punct(w) && w != "’s" && w != "'s" || matches!(w, "but" | "that" | "which" | "who" | "so") || w == "and" && k >= 2 && doc.w(k - 2) == "," || SUBORDINATORS.contains(&w) {
                        break;
                    }
                    k -= 1;
                }
                if k + 12 <= end {
                    return;
                }
                k
            }
        }
    };
    let (fx, fy) = trim(doc, start, end);
    if fy <= fx || fy - fx == 1 && matches!(doc.low(fx), "it" | "there" | "this") {
        return;
    }
    let Some(front) = chars(doc, fx, fy) else { return };
    // "seemed to enjoy": the infinitive's "to" opens the second part.
    let (ce, s) = if ce - cs > 1 && doc.low(ce - 1) == "to" && s >= doc.tokens[ce - 1].end { (ce - 1, doc.tokens[ce - 1].start) } else { (ce, s) };
    att.cue = Some((cs, ce));
    att.source = None;
    att.source_entity = None;
    att.parts = vec![front, (s, e)];
    att.content = Some((front.0, e));
}

/// "has repeatedly claimed, without evidence, that the election was stolen":
/// an aside between commas after the cue, before "that", is no part of the
/// content.
fn skip_aside_before_that(doc: &Doc, att: &mut Attribution) {
    let (Some((s, e)), Some((_, ce)), true) = (att.content, att.cue, att.parts.is_empty()) else { return };
    let x = doc.tokens.partition_point(|t| t.end <= s);
    if x != ce + 1 || ce == 0 || doc.w(ce) != "," || att.kind == Kind::NoComment {
        return;
    }
    let b = doc.sentence_end(x);
    let Some(comma) = (x + 1..(x + 8).min(b)).find(|&k| doc.w(k) == ",") else { return };
    if doc.low(comma + 1) != "that" || (x..comma).any(|k| is_quote_mark(doc.w(k)) || has_verb_form(doc, k)) {
        return;
    }
    // ("claimed, without evidence, that ballots were fake": a content that
    // is the aside alone goes on with the clause after it.)
    if doc.tokens.get(comma + 1).is_none_or(|t| t.start >= e) {
        if doc.tokens[comma - 1].end != e {
            return;
        }
        let end = (comma + 2..b).find(|&k| ends_content(doc, k, false)).unwrap_or(b);
        let (cx, cy) = trim(doc, comma + 1, end);
        if let (true, Some(content)) = (cy > cx + 2, chars(doc, cx, cy)) {
            att.content = Some(content);
        }
        return;
    }
    att.content = Some((doc.tokens[comma + 1].start, e));
}

/// "VIENNA — The house … will be turned into a museum, the ministry said.":
/// a content that opens its article's first sentence starts after the
/// dateline (a place in capitals, perhaps ", Country" or "(AP)", and a dash).
fn skip_dateline(doc: &Doc, att: &mut Attribution) {
    let (Some((s, e)), true) = (att.content, att.parts.is_empty()) else { return };
    let x = doc.tokens.partition_point(|t| t.end <= s);
    if x >= doc.tokens.len() || doc.sentence_start(x) != x {
        return;
    }
    let caps = |k: usize| doc.w(k).chars().filter(|c| c.is_alphabetic()).count() >= 2 && doc.w(k).chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    // ("9:15 a.m. ET — More than 1,500 flights …": a live blog's time stamp.)
    let clock = doc.w(x).contains(':') && doc.w(x).chars().all(|c| c.is_ascii_digit() || c == ':') && matches!(doc.low(x + 1), "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m");
    if clock {
        let limit = (x + 5).min(doc.sentence_end(x));
        if let Some(dash) = (x + 2..limit).find(|&k| matches!(doc.w(k), "—" | "–" | "--" | "-")).filter(|&d| (x + 2..d).all(&caps) && d + 1 < doc.tokens.len() && doc.tokens[d + 1].start < e) {
            att.content = Some((doc.tokens[dash + 1].start, e));
        }
        return;
    }
    if !caps(x) {
        return;
    }
    let limit = (x + 9).min(doc.sentence_end(x));
    let Some(dash) = (x + 1..limit).find(|&k| matches!(doc.w(k), "—" | "–" | "--" | "-")) else { return };
    // Between the place and the dash: more of the place, a country after a
    // comma, an agency in parentheses.
    let place = (x + 1..dash).all(|k| caps(k) || matches!(doc.w(k), "," | "(" | ")" | ".") || doc.w(k).starts_with(char::is_uppercase));
    if !place || dash + 1 >= doc.tokens.len() || doc.tokens[dash + 1].start >= e {
        return;
    }
    att.content = Some((doc.tokens[dash + 1].start, e));
}

/// "The firm concluded that the data had been copied, the official said.":
/// an attribution whose cue is inside the content of another, whose own
/// content holds that cue (the outer one), ends before the comma that opens
/// the outer one's source and cue.
fn nested_tails(doc: &Doc, out: &mut [Attribution]) {
    for i in 0..out.len() {
        let (Some((s, e)), Some((cs, _)), true) = (out[i].content, out[i].cue, out[i].parts.is_empty()) else { continue };
        let cue_char = doc.tokens[cs].start;
        let outer = out.iter().enumerate().find_map(|(j, o)| {
            let (ocs, _) = o.cue?;
            let (os, oe) = o.content?;
            let start = o.source.map_or(ocs, |(ss, _)| ss.min(ocs));
            let at = doc.tokens[start].start;
            (j != i && os <= cue_char && cue_char < oe && at > s && at < e && start > 0 && doc.w(start - 1) == ",").then(|| start - 1)
        });
        if let Some(comma) = outer {
            let x = doc.tokens.partition_point(|t| t.end <= s);
            let (tx, ty) = trim(doc, x, comma);
            if let Some(c) = chars(doc, tx, ty) {
                out[i].content = Some(c);
            }
        }
    }
}

/// "McAuliffe has said about 20 people are interested, but he refuses to
/// discuss them": a content ends before ", but" (", and", ", while", ";")
/// that opens another attribution's clause, its source and cue after it.
fn next_speaker_ends(doc: &Doc, out: &mut [Attribution]) {
    let starts: Vec<(usize, usize)> = out
        .iter()
        .filter_map(|o| {
            let (ocs, _) = o.cue?;
            let (ss, _) = o.source?;
            (ss < ocs).then_some((ss, ocs))
        })
        .collect();
    for att in out.iter_mut() {
        let (Some((s, e)), Some((_, ce))) = (att.content, att.cue) else { continue };
        if att.kind == Kind::Direct {
            continue;
        }
        let (x, y) = tokens_of(doc, (s, e));
        let cut = starts.iter().filter(|&&(ss, ocs)| ss > x.max(ce) && ocs < y && ss >= 2).find_map(|&(ss, _)| {
            // (A speaker the text names or points to: not "it", nor "a
            // federal judge refused to …" inside a reported clause.)
            let speaker = matches!(doc.low(ss), "he" | "she" | "they" | "we" | "i") || doc.w(ss).starts_with(char::is_uppercase) && !matches!(doc.low(ss), "it" | "this" | "that" | "there" | "the" | "a" | "an");
            let opens = speaker && matches!(doc.low(ss - 1), "but" | "yet") && doc.w(ss - 2) == ",";
            let at = if doc.w(ss - 1) == ";" { ss - 1 } else { ss - 2 };
            // Not inside a quotation of the content.
            (opens && (x..at).all(|k| !is_quote_mark(doc.w(k)))).then_some(at)
        });
        let Some(at) = cut else { continue };
        let (tx, ty) = trim(doc, x, at);
        let Some((_, end)) = chars(doc, tx, ty) else { continue };
        if end <= s {
            continue;
        }
        att.content = Some((s, end));
        att.parts.retain(|p| p.0 < end);
        if let Some(last) = att.parts.last_mut() {
            last.1 = last.1.min(end);
        }
    }
}

/// "Smith said he had no comment", "“No comment,” Smith said": a refusal
/// in the words reported.
fn said_no_comment(doc: &Doc, att: &mut Attribution) {
    let (Some((s, e)), true) = (att.content, att.parts.is_empty()) else { return };
    if !matches!(att.kind, Kind::Direct | Kind::Indirect) {
        return;
    }
    let (x, y) = tokens_of(doc, (s, e));
    let words: Vec<&str> = (x..y).map(|k| doc.low(k)).filter(|w| !is_punct(w) && !is_quote_mark(w)).collect();
    if words.len() <= 6 && (words.ends_with(&["no", "comment"]) || words.ends_with(&["no", "immediate", "comment"])) {
        att.kind = Kind::NoComment;
        att.stance = Some(Stance::Declined);
    }
}

/// The stance its cue states: "denied" (`denied`), "did not deny"
/// (`not_denied`), "confirmed" (`confirmed`); a stance the source's clause
/// states ("while not denying the report") or a refusal's is kept.
fn cue_stance(doc: &Doc, att: &mut Attribution) {
    let Some((cs, ce)) = att.cue else { return };
    if att.stance.is_some() || att.kind == Kind::NoComment {
        return;
    }
    let negated = (cs..ce).any(|k| matches!(doc.low(k), "not" | "n't" | "never"));
    let head = doc.low(content::head_of(doc, (cs, ce)));
    // "rejected the report", "disputed that": a denial when what is rejected
    // is a claim; "Voters rejected a levy" is an act, not a denial.
    let of_a_claim = || {
        let Some((s, e)) = att.content else { return false };
        let (x, y) = tokens_of(doc, (s, e));
        let first = if x < y { doc.low(x) } else { "" };
        matches!(first, "that" | "it" | "this" | "“" | "\"") || (x..y.min(x + 5)).any(|k| CLAIM_NOUNS.contains(&doc.low(k)))
    };
    att.stance = match head {
        "denied" | "denies" | "deny" | "denying" => Some(if negated { Stance::NotDenied } else { Stance::Denied }),
        "disputed" | "disputes" | "dispute" | "rejected" | "rejects" | "dismissed" | "dismisses" | "dismissing" if of_a_claim() => Some(if negated { Stance::NotDenied } else { Stance::Denied }),
        "confirmed" | "confirms" | "confirm" | "confirming" if !negated => Some(Stance::Confirmed),
        _ => None,
    };
}

/// Nouns of what can be denied ("rejected the report", "disputed the
/// characterization").
const CLAIM_NOUNS: &[&str] = &[
    "report", "reports", "claim", "claims", "allegation", "allegations", "accusation", "accusations", "charge", "charges",
    "suggestion", "assertion", "characterization", "notion", "idea", "premise", "findings", "account", "story",
    "criticism", "conclusion", "conclusions", "analysis", "figures", "estimate", "version", "description",
];

/// "presidential aides, who have said": the source as written is "who"; the
/// noun phrase it stands for (which `subject` found, and from which the
/// source's entity and type were just taken) is where `source_entity` points.
fn relative_source(doc: &Doc, att: &mut Attribution) {
    let (Some((_, e)), Some((cs, _))) = (att.source, att.cue) else { return };
    if e + 1 < cs && doc.w(e) == "," && matches!(doc.low(e + 1), "who" | "which") && (e + 2..cs).all(|j| doc.w(j) != ",") {
        att.source = Some((e + 1, e + 2));
        return;
    }
    // ("Fallow Creek Capital, a private equity firm in Northbank, which did
    // not respond": over the name's appositive, the entity the name's.)
    if e + 2 < cs && doc.w(e) == "," && opens_appositive(doc, e + 1) {
        if let Some(c) = (e + 2..cs.min(e + 12)).find(|&j| is_punct(doc.w(j))) {
            if doc.w(c) == "," && c + 1 < cs && matches!(doc.low(c + 1), "who" | "which") && (c + 2..cs).all(|j| doc.w(j) != ",") {
                att.source = Some((c + 1, c + 2));
            }
        }
    }
}

/// "he said, adding that …", "The mayor defended the plan, saying …",
/// "Demonstrators said …, but pledged …": a cue that is a participle right
/// after a comma (or a comma and a closing quotation mark), or that follows
/// "and"/"but", has the subject of the clause it hangs on, which is the
/// source of the attribution before it in the sentence (not the words
/// between the sentence's start and the comma).
fn shared_subject_sources(doc: &Doc, out: &mut [Attribution]) {
    for i in 0..out.len() {
        let Some((cs, ce)) = out[i].cue else { continue };
        if cs < 2 || out[i].kind == Kind::AccordingTo {
            continue;
        }
        // (A closing `''` is read as `'"`: the comma is three tokens back.)
        // (Or a dash: "Marco Rubio flipped his choice on the spot – saying".)
        let after_comma = matches!(doc.w(cs - 1), "," | "—" | "–" | "--" | "-") || is_quote_mark(doc.w(cs - 1)) && doc.w(cs - 2) == ",";
        // ("…,” before optimistically predicting that …": after a
        // preposition that follows a clause, too; the cue may open with an
        // adverb.)
        // ("… their check by announcing that …", "they could not resist
        // pointing out that …": after "by" and after a verb that takes a
        // participle, too.)
        let after_preposition = matches!(doc.low(cs - 1), "before" | "after" | "while" | "without" | "besides" | "by" | "resist" | "keep" | "keeps" | "kept" | "stop" | "stopped" | "started" | "began" | "avoid" | "avoided") && cs - 1 > doc.sentence_start(cs) + 2;
        let ing = (cs..ce).find(|&k| !is_manner_adverb(doc.low(k))).is_some_and(|k| doc.low(k).ends_with("ing"));
        let participle = (after_comma || after_preposition) && ing && out[i].kind != Kind::NoComment;
        // "The mayor said the city would appeal, but declined to say when."
        // ("…, but now said Trump had …": an adverb between.)
        let coordinated = matches!(doc.low(cs - 1), "and" | "but") || cs >= 3 && matches!(doc.low(cs - 1), "now" | "later" | "then" | "also" | "still") && matches!(doc.low(cs - 2), "and" | "but");
        if !participle && !coordinated {
            continue;
        }
        // The nearest attribution before it in the same sentence with a source before the comma.
        let si = doc.sentence_of[cs];
        // (Not one inside a "that" clause of the main one: "Allies …
        // disputed a report that he had privately mocked …, calling it …".)
        let prev = (0..i).rev().find_map(|j| {
            let (pcs, _) = out[j].cue?;
            let src = out[j].source?;
            let embedded = src.0 > doc.sentence_start(cs) && doc.low(src.0 - 1) == "that";
            // (Nor a participle's noun inside the clause: "A court revived
            // a lawsuit accusing X of …, ruling that …" is the court's.)
            // (An absolute phrase after a comma is the sentence's: "…
            // Wednesday, each touting … and saying ….")
            let reduced = src.1 == pcs && src.0 > doc.sentence_start(cs) && doc.low(pcs).ends_with("ing") && !is_punct(doc.w(src.0 - 1));
            (doc.sentence_of[pcs] == si && pcs < cs && src.1 < cs && !embedded && !reduced).then_some((j, src, out[j].source_entity))
        });
        // ("Tillis said that a White House official had called him … and had
        // suggested that …": a perfect after "and", when the content before
        // has the same auxiliary and the main cue does not, goes on with
        // that content's clause; its subject is the content's.)
        if let Some((j, _, _)) = prev.filter(|_| coordinated && matches!(doc.low(cs), "had" | "has" | "have")) {
            let (pcs, pce) = out[j].cue.unwrap_or((cs, cs));
            let inner = out[j].content.filter(|_| out[j].parts.is_empty() && !(pcs..pce).any(|k| doc.low(k) == doc.low(cs))).and_then(|(s0, e0)| {
                let x = doc.tokens.partition_point(|t| t.end <= s0);
                let x = if doc.low(x) == "that" { x + 1 } else { x };
                let y = doc.tokens.partition_point(|t| t.end <= e0);
                (y + 2 >= cs && x < cs).then(|| (x..cs - 1).find(|&k| doc.low(k) == doc.low(cs)).filter(|&h| h > x && h - x <= 8).map(|h| (x, h))).flatten()
            });
            if let Some(src) = inner {
                out[i].source = Some(src);
                out[i].source_entity = None;
                continue;
            }
        }
        if let Some((j, src, ent)) = prev {
            out[i].source = Some(src);
            out[i].source_entity = ent;
            // The earlier content ends before this cue's comma or conjunction.
            // (PolNeAR dev and train jaccard50 +0.1.)
            let cut = if coordinated && doc.w(cs - 2) == "," { cs - 2 } else { cs - 1 };
            if let (Some((s0, e0)), true) = (out[j].content, out[j].parts.is_empty()) {
                let cut_at = doc.tokens[cut].start;
                if s0 < cut_at && e0 > cut_at {
                    let x = doc.tokens.partition_point(|t| t.end <= s0);
                    let (tx, ty) = trim(doc, x, cut);
                    if let Some(c) = chars(doc, tx, ty) {
                        out[j].content = Some(c);
                        if out[j].kind == Kind::Mixed && !(tx..ty).any(|k| is_quote_mark(doc.w(k))) {
                            out[j].kind = Kind::Indirect;
                        }
                    }
                }
            }
        } else if coordinated && out[i].source.map_or(out[i].kind != Kind::AccordingTo, |(ss, se)| se == cs && (matches!(doc.low(se - 1), "and" | "but") || (ss..se).all(|k| matches!(doc.low(k), "now" | "later" | "then" | "also" | "still"))) || cs >= 2 && doc.w(cs - 2) == "," && ss > doc.sentence_start(cs)) {
            // ("Cruz exhorted Republicans to “vote your conscience” and said
            // …": none found past the quotation.)
            // (And ", and urged …" after a clause with no cue: "X compared
            // … with that of dictators, and urged people not to …".)
            // "Dayton has been a longtime supporter and has pledged …",
            // "McConnell embraced him after he clinched the nomination and
            // said …": a predicate coordinated with one that is no cue has
            // the subject of the sentence's main clause.
            let a = doc.sentence_start(cs);
            if let Some(((x, y), _)) = first_verb(doc, a, cs - 1).and_then(|v| subject(doc, a, v)) {
                out[i].source = Some((x, y));
                out[i].source_entity = None;
            }
        } else if participle && out[i].source.is_none() {
            // "On Sunday morning Mr. Trump made a third attempt …, writing on
            // Twitter that …": no attribution before it, no source of its
            // own: the subject before the clause's first verb.
            let a = doc.sentence_start(cs);
            if let Some(((x, y), _)) = first_verb(doc, a, cs - 1).and_then(|v| subject(doc, a, v)) {
                out[i].source = Some((x, y));
            }
        } else if let (true, Some((ss, se))) = (participle, out[i].source) {
            // "Councilmember Arturo Benavides also voted no, saying …": the
            // main clause's subject, not the whole clause.
            // ("He won the vote by saying …": a source that runs into the
            // preposition before the cue is a clause; its subject.)
            let into_preposition = se == cs && after_preposition;
            // ("Federal regulators fined Google on Tuesday, saying …",
            // "European Union regulators fined …": a source that holds the
            // clause's verb is the clause; the subject before that verb.)
            let a = doc.sentence_start(cs);
            // (A past or an auxiliary: a plural after a capitalised word is
            // as often the subject's noun, "Federal regulators".)
            let past = (ss + 1..se).find(|&k| finite_past(doc, k));
            let verb_subject = past.filter(|&v| ss == a && !(ss..v).any(|k| matches!(doc.low(k), "when" | "after" | "before" | "if" | "because" | "while" | "as" | "who" | "that" | "which" | "since" | "until" | "although" | "though"))).map(|v| {
                let mut y = v;
                while y > ss + 1 && (matches!(doc.low(y - 1), "also" | "now" | "later" | "then" | "still" | "previously" | "already" | "again" | "ultimately") || doc.low(y - 1).ends_with("ly")) {
                    y -= 1;
                }
                (ss, y)
            });
            if let Some((x, y)) = verb_subject {
                out[i].source = Some((x, y));
                out[i].source_entity = None;
            } else if let Some((x, y)) = main_clause_subject(doc, ss, se).filter(|&(x, y)| x == ss && y - x >= 2 && y < se && doc.w(y).chars().all(char::is_lowercase) && !matches!(doc.low(y), "of" | "and" | "for")) {
                out[i].source = Some((x, y));
            } else if into_preposition || se - ss > 6 || doc.w(se - 1) == "," || ss > doc.sentence_start(cs) + 3 && doc.w(ss - 1) == "," && se - ss <= 2 && doc.w(ss).starts_with(char::is_uppercase) {
                // ("… a joint rally in Green Bay, Wis., citing the attack": a
                // piece of a place after a comma is no subject either.)
                // "Central European leaders who have been … have embraced the
                // idea of an E.U. force, warning that …": a long clause before
                // the comma; its subject is before its first verb.
                let a = doc.sentence_start(cs);
                if let Some(((x, y), _)) = first_verb(doc, a, cs - 1).and_then(|v| subject(doc, a, v)) {
                    out[i].source = Some((x, y));
                    out[i].source_entity = None;
                }
            }
        }
    }
    // "…, with Donald Trump tweeting that …", "with one of her ads asking,
    // “…”": the noun phrase between "with" and a participle cue is its source.
    for att in out.iter_mut() {
        let Some((cs, _)) = att.cue else { continue };
        if !doc.low(cs).ends_with("ing") || att.kind == Kind::NoComment {
            continue;
        }
        let a = doc.sentence_start(cs);
        let Some(w) = (cs.saturating_sub(9).max(a)..cs).rev().find(|&k| doc.low(k) == "with") else { continue };
        if w + 1 < cs && w > a && doc.w(w - 1) == "," && (w + 1..cs).all(|k| !is_punct(doc.w(k)) && !FINITE_AUXILIARIES.contains(&doc.low(k))) {
            att.source = Some((w + 1, cs));
            att.source_entity = None;
        }
    }
    // "Citing the audit, the senator said …": a participle that opens the
    // sentence has the subject of the main clause after its comma.
    let token_at = |c: usize| doc.tokens.partition_point(|t| t.end <= c);
    for i in 0..out.len() {
        let (None, Some((cs, ce)), Some((_, e))) = (out[i].source, out[i].cue, out[i].content) else { continue };
        let a = doc.sentence_start(cs);
        // ("After suggesting on Wednesday that …, Mr. Rubio …", "In
        // rejecting a similar challenge, the commission …", "While
        // denouncing …, she …": after a preposition or subordinator too.)
        let opens = cs == a && doc.w(cs).starts_with(char::is_uppercase)
            || cs == a + 1 && matches!(doc.low(a), "after" | "since" | "in" | "while" | "before" | "when" | "by" | "upon" | "on" | "besides" | "despite" | "without")
            || cs == a + 3 && doc.low(a) == "in" && doc.low(a + 1) == "addition" && doc.low(a + 2) == "to";
        if !opens || ce != cs + 1 || !doc.low(cs).ends_with("ing") {
            continue;
        }
        let b = doc.sentence_end(cs);
        let Some(comma) = (token_at(e.saturating_sub(1))..b).find(|&k| doc.w(k) == ",") else { continue };
        let next = (0..out.len()).find_map(|j| {
            let (ncs, _) = out[j].cue?;
            let src = out[j].source?;
            (j != i && ncs > comma && ncs < b && src.0 == comma + 1).then_some((src, out[j].source_entity))
        });
        let src = next.or_else(|| main_clause_subject(doc, comma + 1, b).map(|s| (s, None)));
        if let Some((src, ent)) = src {
            out[i].source = Some(src);
            out[i].source_entity = ent;
        }
    }
}

/// The subject that opens a main clause at `x`: a pronoun, a run of
/// capitalised words, or a determiner and up to three words before a verb
/// ending in -ed or -s.
fn main_clause_subject(doc: &Doc, x: usize, b: usize) -> Option<(usize, usize)> {
    if x >= b {
        return None;
    }
    if PRONOUN_SUBJECTS.contains(&doc.low(x)) {
        return Some((x, x + 1));
    }
    // (A determiner first, capitalised or not: "The mayor won …".)
    if matches!(doc.low(x), "the" | "a" | "an" | "his" | "her" | "their" | "its") {
        let v = (x + 2..(x + 5).min(b)).find(|&k| {
            let w = doc.low(k);
            w.len() > 3 && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss")) || AUXILIARIES.contains(&w) && !matches!(w, "be" | "been" | "being") || IRREGULAR_PAST.contains(&w)
        })?;
        // (Not "A few minutes later, Murphy …": a time before a comma.)
        if (x..(v + 3).min(b)).any(|k| doc.w(k) == ",") {
            return None;
        }
        return Some((x, v));
    }
    let cap = |k: usize| k < b && doc.w(k).starts_with(char::is_uppercase);
    if cap(x) {
        let mut y = x;
        while cap(y) || y > x && matches!(doc.w(y), "." | "-") {
            y += 1;
        }
        // ("European Union regulators fined …": the run's own plural noun
        // after it, when the verb follows.)
        let noun = |k: usize| k < b && doc.w(k).len() > 3 && doc.w(k).chars().all(|c| c.is_ascii_lowercase()) && doc.w(k).ends_with('s') && !doc.w(k).ends_with("ss");
        if noun(y) && y + 1 < b && finite_past(doc, y + 1) {
            y += 1;
        }
        return Some((x, y));
    }
    None
}

/// The first word in `a..b` that looks like a finite verb (without a
/// tagger): an auxiliary or modal, a word in -ed, or a word in -s right
/// after a capitalised one ("CITIC runs").
fn first_verb(doc: &Doc, a: usize, b: usize) -> Option<usize> {
    (a + 1..b).find(|&k| {
        let w = doc.low(k);
        finite_past(doc, k) || doc.w(k).starts_with(char::is_lowercase) && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && doc.w(k - 1).starts_with(char::is_uppercase)
    })
}

/// The tokens `x..y` that a span of code points `(s, e)` covers.
fn tokens_of(doc: &Doc, (s, e): (usize, usize)) -> (usize, usize) {
    (doc.tokens.partition_point(|t| t.end <= s), doc.tokens.partition_point(|t| t.start < e))
}

/// Is token `k` a lower-case finite auxiliary or modal, an irregular past
/// or a word in -ed (a clause's verb, where a plural after a name may be
/// the subject's noun: "Federal regulators fined")?
#[inline]
pub(crate) fn finite_past(doc: &Doc, k: usize) -> bool {
    let w = doc.low(k);
    // ("The agency cut its estimate …": "cut", "set", "put" before a
    // determiner, whatever their tense.)
    let before_determiner = matches!(w, "cut" | "set" | "put") && k + 1 < doc.tokens.len() && matches!(doc.low(k + 1), "its" | "his" | "her" | "their" | "the" | "a" | "an");
    doc.w(k).starts_with(char::is_lowercase) && (FINITE_AUXILIARIES.contains(&w) || IRREGULAR_PAST.contains(&w) || w.len() > 3 && w.ends_with("ed") || before_determiner)
}

/// Words of a length or a part of a day, week or year ("last month",
/// "Tuesday night", "this quarter").
pub(crate) fn is_time_unit(w: &str) -> bool {
    matches!(w, "week" | "month" | "year" | "weekend" | "morning" | "afternoon" | "evening" | "night" | "day" | "decade" | "quarter")
}

/// Past forms of common verbs that do not end in -ed ("Mr. Trump made a
/// third attempt").
const IRREGULAR_PAST: &[&str] = &[
    "made", "took", "gave", "went", "sent", "began", "became", "got", "left", "won", "lost", "met", "ran", "saw", "kept", "held", "brought", "led",
    "paid", "spent", "stood", "fought", "sought", "bought", "thought", "wrote", "told", "said", "came", "struck", "threw", "drew", "chose", "rose",
    "fell", "felt", "heard", "knew", "grew", "broke", "spoke", "sat", "sold", "shot", "hit", "quit",
];

/// "a conversion that Carson says led him to Christ", "a man who officials
/// say is tied to …": a cue whose content opens with a finite verb (a clause
/// with no subject of its own) hangs on a relative pronoun, which is the
/// content's first part; the source is what stands between the pronoun and
/// the cue, not the words before it.
fn relative_subject_parts(doc: &Doc, out: &mut [Attribution]) {
    let token_at = |c: usize| doc.tokens.partition_point(|t| t.end <= c);
    for att in out.iter_mut() {
        let (Some((ss, se)), Some((cs, ce)), Some((s, e)), true) = (att.source, att.cue, att.content, att.parts.is_empty()) else { continue };
        if att.kind != Kind::Indirect || se != cs || token_at(s) != ce || ce >= doc.tokens.len() || doc.sentence_of[ce] != doc.sentence_of[cs] {
            continue;
        }
        let first = doc.low(ce);
        if !(FINITE_AUXILIARIES.contains(&first) || matches!(first, "will" | "won't" | "led" | "made" | "took" | "gave" | "won")) {
            continue;
        }
        let Some(r) = (ss.saturating_sub(1)..se.saturating_sub(1)).rev().find(|&k| matches!(doc.low(k), "that" | "who" | "which")) else { continue };
        if r + 1 >= se || se - (r + 1) > 8 || (r + 1..se).any(|k| is_punct(doc.w(k)) && doc.w(k) != "." || FINITE_AUXILIARIES.contains(&doc.low(k))) {
            continue;
        }
        let w = (doc.tokens[r].start, doc.tokens[r].end);
        let e = nonrestrictive_end(doc, r, s, e);
        att.source = Some((r + 1, se));
        att.parts = vec![w, (s, e)];
        att.content = Some((w.0, e));
    }
}

/// "a rule, which officials said will go into effect in May": the relative
/// pronoun the source's clause hangs on is the first part of the content
/// (PolNeAR's training split marks "which" or "what" so 160 times, with the
/// rest of the clause as the second part 86 times).
fn relative_object_parts(doc: &Doc, out: &mut [Attribution]) {
    for att in out.iter_mut() {
        let (Some((ss, se)), Some((cs, ce)), Some((s, e)), true) = (att.source, att.cue, att.content, att.parts.is_empty()) else { continue };
        if matches!(att.kind, Kind::NoComment | Kind::AccordingTo) || se != cs || ss == 0 || se - ss > 4 || !matches!(doc.low(ss - 1), "which" | "what") {
            continue;
        }
        let rel = ss - 1;
        if s < doc.tokens[ce.saturating_sub(1)].end || doc.sentence_of[rel] != doc.sentence_of[cs] {
            continue;
        }
        // "the two biggest polluters, which together vowed to …": only
        // adverbs between the pronoun and the cue, so the pronoun is the
        // subject, not an object.
        if (ss..se).all(|k| is_relative_adverb(doc.low(k))) {
            att.source = Some((rel, rel + 1));
            continue;
        }
        let w = (doc.tokens[rel].start, doc.tokens[rel].end);
        let e = nonrestrictive_end(doc, rel, s, e);
        att.parts = vec![w, (s, e)];
        att.content = Some((w.0, e));
    }
}

/// "The bill, which critics say would gut the agency, passed 52 to 48.":
/// a relative clause opened by a comma ends at the comma after which the
/// main clause's verb comes back; the content (code points `s..e`, after the
/// relative pronoun at token `rel`) ends there too.
fn nonrestrictive_end(doc: &Doc, rel: usize, s: usize, e: usize) -> usize {
    if rel == 0 || doc.w(rel - 1) != "," {
        return e;
    }
    let (x, y) = tokens_of(doc, (s, e));
    (x + 1..y.saturating_sub(1))
        .find(|&k| doc.w(k) == "," && has_verb_form(doc, k + 1) && !is_speech_verb(doc.low(k + 1)))
        .map_or(e, |k| doc.tokens[k - 1].end)
}

/// "Too often, Mr. Clarke said, the debate is infected …": the short phrase
/// before a parenthetical `, SOURCE CUE,` is the first part of the content
/// that follows it (as PolNeAR has it), a condition too ("If needed, he
/// said, …": PolNeAR dev and train +2 and +11 jaccard50 matches), unless it
/// is a quotation.
fn front_parts(doc: &Doc, out: &mut [Attribution]) {
    let token_at = |c: usize| doc.tokens.partition_point(|t| t.end <= c);
    for att in out.iter_mut() {
        let (Some((ss, se)), Some((cs, ce)), Some((s, e)), true) = (att.source, att.cue, att.content, att.parts.is_empty()) else { continue };
        let x = token_at(s);
        let a = doc.sentence_start(cs);
        // "The Crosstown line, he told the council, would put …": an object
        // verb's listener may stand between the cue and its comma.
        let comma = if OBJECT_VERBS.contains(&doc.low(ce - 1)) { (ce..(ce + 5).min(x)).find(|&k| doc.w(k) == ",").unwrap_or(ce) } else { ce };
        if att.kind == Kind::NoComment || se != cs || ss <= a + 1 || x != comma + 1 || doc.w(comma) != "," || doc.w(ss - 1) != "," || ss - 1 - a > if SUBORDINATORS.contains(&doc.low(a)) { 14 } else { 6 } {
            continue;
        }
        if is_quote_mark(doc.w(a)) || (a..ss).any(|k| is_speech_verb(doc.low(k)) || is_quote_mark(doc.w(k))) {
            continue;
        }
        let (fx, fy) = trim(doc, a, ss - 1);
        if let Some(front) = chars(doc, fx, fy) {
            att.parts = vec![front, (s, e)];
            att.content = Some((front.0, e));
        }
    }
}

/// "“I love Larry,” he said, but “when it comes to energy issues, …”",
/// "Mills “got an immunity agreement,” Jordan said, and still “got to sit
/// in on the interview.”": after a source and cue that
/// follow their content, ", but" or ", and" and a quotation go on with
/// what was said, to the sentence's end (a second part), unless another
/// attribution starts there.
fn conjoined_tails(doc: &Doc, out: &mut [Attribution]) {
    let starts: Vec<usize> = out.iter().filter_map(|o| o.source.map(|(ss, _)| ss).or(o.cue.map(|(c, _)| c))).collect();
    for att in out.iter_mut() {
        let (Some((s, e)), Some((cs, ce)), Some((ss, se))) = (att.content, att.cue, att.source) else { continue };
        if att.kind == Kind::NoComment || !att.parts.is_empty() || e > doc.tokens[cs.min(ss)].start {
            continue;
        }
        let b = doc.sentence_end(cs);
        let after = se.max(ce);
        // The cue's adjunct ("in a June report", "on Thursday"), then the comma.
        let Some(comma) = (after..(after + 6).min(b)).find(|&k| doc.w(k) == ",") else { continue };
        if (after..comma).any(|k| is_quote_mark(doc.w(k)) || is_speech_verb(doc.low(k))) || !matches!(doc.low(comma + 1), "but" | "and") {
            continue;
        }
        let (bx, by) = trim(doc, comma + 2, b);
        // (Only a quotation, or words with no subject of their own that a
        // quotation follows: "and still “got to sit in on …”". A clause of
        // its own is as often the writer's: "“Follow us,” he said, and the
        // boys trailed behind.")
        let quoted = (bx..(bx + 3).min(by)).any(|k| is_quote_mark(doc.w(k))) && !matches!(doc.low(bx), "he" | "she" | "they" | "it" | "we" | "i" | "the" | "a" | "an" | "his" | "her" | "their");
        if by < bx + 3 || !quoted || starts.iter().any(|&st| st >= comma && st < by) {
            continue;
        }
        let Some(back) = chars(doc, bx, by) else { continue };
        att.parts = vec![(s, e), back];
        att.content = Some((s, back.1));
    }
}

/// Are tokens `x..y` one adverbial and nothing more: a clause opened by a
/// subordinator ("even if the venture fails", "but when Congress cut
/// funding") or a phrase opened by a preposition with no verb ("during his
/// years in office", "but in July 2012"), no comma or quotation inside?
pub(crate) fn adverbial_phrase(doc: &Doc, x: usize, y: usize) -> bool {
    let mut first = x;
    while first + 1 < y && matches!(doc.low(first), "but" | "and" | "even" | "yet" | "so") {
        first += 1;
    }
    if first >= y || (first + 1..y).any(|k| matches!(doc.w(k), "," | ";" | ":") || is_quote_mark(doc.w(k))) {
        return false;
    }
    let w = doc.low(first);
    let clause = SUBORDINATORS.contains(&w) || w == "unless";
    let phrase = matches!(w, "during" | "in" | "on" | "at" | "by" | "for" | "over" | "under" | "despite" | "amid" | "throughout" | "within" | "until") && (first + 1..y).all(|k| !finite_past(doc, k));
    clause || phrase
}

/// "Even if the venture fails, Mr. Morgan said, he has done the work.": a
/// content before a parenthetical `, SOURCE CUE,` that is only an adverbial
/// clause ("if …", "though …", "when …") is the first part of the content;
/// the main clause after the parenthetical is its second (as PolNeAR has it).
fn adverbial_front(doc: &Doc, att: &mut Attribution) {
    let (Some((s, e)), Some((cs, ce)), true) = (att.content, att.cue, att.parts.is_empty()) else { return };
    if att.kind == Kind::NoComment {
        return;
    }
    let (x, y) = tokens_of(doc, (s, e));
    let b = doc.sentence_end(cs);
    // The parenthetical: the content, a comma, the source and the cue (in
    // either order), a comma.
    let aside_end = att.source.map_or(ce, |(_, se)| se.max(ce));
    if y >= cs || doc.w(y) != "," || att.source.is_some_and(|(ss, _)| ss < y) || aside_end >= b || doc.w(aside_end) != "," {
        return;
    }
    if !adverbial_phrase(doc, x, y) {
        return;
    }
    // The main clause runs to the sentence's end ("…, he said, adding …"
    // and "…, he said, according to …" are not one).
    let (bx, by) = trim(doc, aside_end + 1, b);
    let w = doc.low(bx);
    if by < bx + 2 || w.ends_with("ing") || matches!(w, "according" | "who" | "which" | "and" | "but") {
        return;
    }
    let (Some(front), Some(back)) = (chars(doc, x, y), chars(doc, bx, by)) else { return };
    att.parts = vec![front, back];
    att.content = Some((front.0, back.1));
}

/// "The plan, said Vance, is a blank check.", "In the end, said the mayor,
/// nothing changed.": an inverted `, CUE SOURCE,` inside a sentence has
/// the speaker after the cue up to its comma, and the content in two parts
/// around it (as `front_parts` has the plain order).
fn inverted_aside(doc: &Doc, att: &mut Attribution) {
    let Some((cs, ce)) = att.cue else { return };
    let a = doc.sentence_start(cs);
    let b = doc.sentence_end(cs);
    if att.kind == Kind::NoComment || ce != cs + 1 || cs < a + 2 || doc.w(cs - 1) != "," || !matches!(doc.low(cs), "said" | "says" | "added" | "noted" | "explained" | "argued" | "insisted" | "wrote" | "writes") {
        return;
    }
    let Some(p) = (ce + 1..(ce + 8).min(b)).find(|&k| doc.w(k) == ",") else { return };
    let np = (ce..p).all(|k| !is_punct(doc.w(k)) || doc.w(k) == "." || doc.w(k) == "-") && (doc.w(ce).starts_with(char::is_uppercase) || matches!(doc.low(ce), "the" | "a" | "an" | "one"));
    let verb = (ce..p).any(|k| looks_like_verb(doc, k) || is_speech_verb(doc.low(k)));
    // (The rules' source, if any, is the one after the cue: "The report,
    // in the Journal, said the breach exposed …" has its own.)
    if att.source.is_some_and(|(ss, _)| ss != ce) {
        return;
    }
    let (bx, by) = trim(doc, p + 1, b);
    // (Not "…, said Vance, a member of the council.": the rest needs a verb.)
    let clause = (bx..by).any(|k| looks_like_verb(doc, k));
    if !np || verb || !clause || by < bx + 2 || is_quote_mark(doc.w(bx)) || is_quote_mark(doc.w(a)) || (a..cs).any(|k| is_quote_mark(doc.w(k))) {
        return;
    }
    let (fx, fy) = trim(doc, a, cs - 1);
    let (Some(front), Some(back)) = (chars(doc, fx, fy), chars(doc, bx, by)) else { return };
    att.source = Some((ce, p));
    att.source_entity = None;
    att.parts = vec![front, back];
    att.content = Some((front.0, back.1));
    att.kind = Kind::Indirect;
}

/// `…, Schiff said. “The other factor is …”`: a quotation that opens the
/// next sentence (in the same paragraph or opening the next one) and runs to
/// its end, with no cue of its own and in no other attribution, goes on with
/// the speech of the attribution before it: it becomes a part of its content
/// (and reported speech becomes `mixed`). Quotations that follow one another
/// so are all taken in, up to the first that has a cue.
fn quoted_continuations(doc: &Doc, quotes: &[Quote], out: &mut [Attribution]) {
    let n = doc.tokens.len();
    // Code point to the token that holds it (or the next one).
    let token_at = |c: usize| doc.tokens.partition_point(|t| t.end <= c);
    let mut taken: Vec<(usize, usize)> = out.iter().flat_map(|a| a.content.into_iter().chain(a.parts.iter().copied())).collect();
    let cues: Vec<usize> = out.iter().filter_map(|a| a.cue.map(|c| c.0)).collect();
    for i in 0..out.len() {
        let att = &out[i];
        if att.kind == Kind::NoComment || att.source.is_none() {
            continue;
        }
        let (Some((_, ce)), Some((_, e))) = (att.cue, att.content) else { continue };
        let last = token_at(e.saturating_sub(1)).max(ce.saturating_sub(1)).max(att.source.map_or(0, |s| s.1.saturating_sub(1)));
        if last >= n {
            continue;
        }
        let mut b = doc.sentence_end(last);
        let mut added = Vec::new();
        while let Some(q) = (b < n && matches!(doc.w(b), "“" | "\"")).then(|| quote_at(quotes, b)).flatten() {
            let (qs, qe) = (doc.tokens[q.open].start, doc.tokens[q.close].end);
            let clear = !taken.iter().any(|&(s, e)| s < qe && qs < e)
                && !cues.iter().any(|&c| c >= q.open && c < doc.sentence_end(q.close.min(n - 1)))
                && doc.sentence_end(q.close.min(n - 1)) <= q.close + 2;
            if !clear {
                break;
            }
            added.push((qs, qe));
            taken.push((qs, qe));
            b = doc.sentence_end(q.close.min(n - 1));
        }
        if added.is_empty() {
            continue;
        }
        let att = &mut out[i];
        if att.parts.is_empty() {
            att.parts.push(att.content.unwrap());
        }
        att.parts.extend(added);
        if att.kind == Kind::Indirect {
            att.kind = Kind::Mixed;
        }
        let (s0, e1) = (att.parts[0].0, att.parts[att.parts.len() - 1].1);
        att.content = Some((s0, e1));
    }
}

fn passive_preposition(doc: &Doc, att: &Attribution) -> bool {
    let (Some((cs, ce)), Some((s, _))) = (att.cue, att.content) else { return false };
    let passive = has_be(doc, (cs, ce));
    passive && ce < doc.tokens.len() && doc.tokens[ce].start == s && matches!(doc.low(ce), "with" | "by")
}

/// "The agreement, announced at the climate summit here, builds on …": a
/// participle opening an aside after its noun, the sentence's verb after
/// the aside, says when or where the noun was announced; the noun is the
/// content and no source is named (PolNeAR marks "The tentative deal,
/// announced Friday, would last …" so). The rules had taken the noun for
/// the source and the adjunct for the content.
fn participle_aside(doc: &Doc, att: &mut Attribution) {
    let (Some((cs, ce)), true) = (att.cue, att.parts.is_empty()) else { return };
    let w = doc.low(cs);
    let a = doc.sentence_start(cs);
    if ce != cs + 1 || att.kind == Kind::NoComment || w.len() <= 4 || !w.ends_with("ed") || cs < a + 2 || doc.w(cs - 1) != "," || !doc.w(cs - 2).chars().all(|c| c.is_lowercase()) || is_speech_verb(doc.low(cs - 2)) {
        return;
    }
    let next = doc.low(ce);
    if !(matches!(next, "at" | "in" | "on" | "during" | "last" | "this" | "earlier" | "late" | "early") || is_time_word(next)) {
        return;
    }
    // The aside closes with a comma before the sentence's verb ("…, builds
    // on": a verb in -s too).
    let closes = (ce + 1..(ce + 13).min(doc.sentence_end(cs))).find(|&k| doc.w(k) == ",").is_some_and(|k| {
        let v = doc.low(k + 1);
        let verb = has_verb_form(doc, k + 1) || v.len() > 3 && v.ends_with('s') && !v.ends_with("ss") && doc.w(k + 1).starts_with(char::is_lowercase) && !matches!(v, "was" | "has" | "this" | "its" | "his" | "hers" | "thus" | "towards" | "afterwards");
        verb && !is_speech_verb(v)
    });
    // The noun phrase: from the clause's start (after a comma, colon or
    // dash) to the comma before the participle, no verb in it.
    let start = (a..cs - 1).rev().find(|&k| matches!(doc.w(k), "," | ";" | ":" | "—")).map_or(a, |k| k + 1);
    if !closes || cs - 1 <= start || cs - 1 - start > 8 || (start..cs - 1).any(|k| has_verb_form(doc, k) || is_quote_mark(doc.w(k))) {
        return;
    }
    let (x, y) = trim(doc, start, cs - 1);
    if let Some(content) = chars(doc, x, y) {
        att.source = None;
        att.source_entity = None;
        att.content = Some(content);
        att.kind = Kind::Indirect;
    }
}

/// A verb of pleading in court ("pleaded", "pleads", …).
fn is_plea_verb(w: &str) -> bool {
    matches!(w, "pleaded" | "pleads" | "plead" | "pled" | "pleading")
}

/// "he pleaded guilty to a single count": the cue the detector found in
/// "guilty" is the plea, "pleaded guilty" (with its "not" and auxiliaries),
/// as PolNeAR marks it; the source ends before it.
fn plea_to_cue(doc: &Doc, att: &mut Attribution) {
    let Some((cs, ce)) = att.cue else { return };
    // ("has pleaded | not guilty to charges": the plea's words from the
    // content to the cue.)
    if is_plea_verb(doc.low(ce - 1)) && att.parts.is_empty() {
        let g = if doc.low(ce) == "not" { ce + 1 } else { ce };
        if let (Some((s, e)), "guilty") = (att.content, doc.low(g)) {
            if doc.tokens[ce].start == s && g + 1 < doc.tokens.len() && doc.tokens[g + 1].start < e {
                let (x, y) = trim(doc, g + 1, doc.tokens.partition_point(|t| t.start < e));
                if let Some(content) = chars(doc, x, y) {
                    att.cue = Some((cs, g + 1));
                    att.content = Some(content);
                }
            }
        }
        return;
    }
    if doc.low(cs) != "guilty" || cs == 0 {
        return;
    }
    let mut k = cs;
    if k > 0 && doc.low(k - 1) == "not" {
        k -= 1;
    }
    if k == 0 || !is_plea_verb(doc.low(k - 1)) {
        return;
    }
    k -= 1;
    while k > 0 && AUXILIARIES.contains(&doc.low(k - 1)) {
        k -= 1;
    }
    att.cue = Some((k, ce));
    if let Some((ss, se)) = att.source {
        if se > k {
            att.source = (ss < k).then_some((ss, k));
        }
    }
}

/// "worried that if the state held up the deal, Patriot could liquidate its
/// properties": a content that opens with "that" and a condition ("that if
/// …", "that when …") and stops at the condition's comma goes on with the clause the
/// condition belongs to, to its own comma or the sentence's end.
fn condition_with_its_clause(doc: &Doc, att: &mut Attribution) {
    let (Some((s, e)), Some((_, ce)), true) = (att.content, att.cue, att.parts.is_empty()) else { return };
    if att.kind == Kind::NoComment {
        return;
    }
    let (x, y) = tokens_of(doc, (s, e));
    let b = doc.sentence_end(ce.saturating_sub(1));
    // (Only after "that": "asked if he was bullied" is the whole question,
    // and "seen as a favorite" no condition.)
    let first = x + 1;
    if x < ce || y >= b || doc.w(y) != "," || first + 1 >= y || doc.low(x) != "that" || !(SUBORDINATORS.contains(&doc.low(first)) || doc.low(first) == "unless") || doc.low(first) == "as" {
        return;
    }
    if (first + 1..y).any(|k| matches!(doc.w(k), "," | ";" | ":") || is_quote_mark(doc.w(k))) {
        return;
    }
    let stop = (y + 1..b).find(|&k| matches!(doc.w(k), "," | ";" | ":" | "—") || is_quote_mark(doc.w(k))).unwrap_or(b);
    let (cx, cy) = trim(doc, y + 1, stop);
    // The clause needs a subject and a verb.
    if cy < cx + 2 || doc.low(cx).ends_with("ing") || matches!(doc.low(cx), "and" | "but" | "or" | "according" | "who" | "which") || !(cx..cy).any(|k| has_verb_form(doc, k)) {
        return;
    }
    if let Some((_, end)) = chars(doc, cx, cy) {
        att.content = Some((s, end));
    }
}

/// "When Marlow noted that the fund was empty, the room …": the content of
/// a cue in a subordinate clause ends with the clause, at its comma (the
/// rules cut it so; the content model may not).
fn subordinate_end(doc: &Doc, quotes: &[Quote], att: &mut Attribution) {
    let (Some((ss, _)), Some((cs, ce)), Some((s, e)), true) = (att.source, att.cue, att.content, att.parts.is_empty()) else { return };
    let a = doc.sentence_start(cs);
    if ss <= a || !SUBORDINATORS.contains(&doc.low(ss - 1)) {
        return;
    }
    if let Some(k) = (ce..doc.sentence_end(cs)).find(|&k| doc.w(k) == "," && doc.tokens[k].start > s && doc.tokens[k].start < e && !inside_quote(quotes, k)) {
        att.content = Some((s, doc.tokens[k - 1].end));
    }
}

/// A passive cue with its agent: "Trump has been criticized by some of his
/// rivals for failing …" — the agent after "by" is the source and the
/// subject is the content (as PolNeAR annotates it), unless a clause follows
/// the agent ("was asked by the host whether …"), which is then the content.
fn passive_by(doc: &Doc, quotes: &[Quote], att: &mut Attribution) {
    let (Some((cs, ce)), true) = (att.cue, att.parts.is_empty()) else { return };
    // "As reported by Western Journalism, investigators found …": the agent
    // is the source and the clause after the comma the content.
    let a = doc.sentence_start(cs);
    if att.kind != Kind::NoComment && doc.low(ce) == "by" && (cs == a + 1 && doc.low(a) == "as" || cs == a + 2 && doc.low(a) == "as" && matches!(doc.low(a + 1), "first" | "previously" | "originally" | "also")) {
        let b = doc.sentence_end(cs);
        if let Some(comma) = (ce + 2..b.min(ce + 14)).find(|&k| doc.w(k) == ",") {
            let (x, y) = trim(doc, comma + 1, b);
            if let (Some(content), true) = (chars(doc, x, y), y > x + 2) {
                let src_end = (ce + 2..comma).find(|&k| matches!(doc.low(k), "on" | "in" | "last" | "this") && (is_time_word(doc.low(k + 1)) || matches!(doc.low(k + 1), "week" | "month" | "year"))).unwrap_or(comma);
                att.source = Some((ce + 1, src_end));
                att.source_entity = None;
                att.content = Some(content);
                att.kind = if (x..y).any(|k| is_quote_mark(doc.w(k))) { Kind::Mixed } else { Kind::Indirect };
                return;
            }
        }
    }
    // "Asked by Matt Lauer whether she had practiced, she said …": a
    // participle opening its sentence needs no auxiliary, and its question
    // ends at the comma that closes the phrase.
    let asked = doc.low(cs) == "asked" && ce == cs + 1 && (cs == a || doc.w(cs - 1) == ",");
    if att.kind == Kind::NoComment || doc.low(ce) != "by" || !(has_be(doc, (cs, ce)) || asked) {
        return;
    }
    let b = doc.sentence_end(cs);
    let b = if asked { (ce + 1..b).find(|&k| doc.w(k) == "," && !inside_quote(quotes, k)).unwrap_or(b) } else { b };
    // (After "asked", the question may open with any wh-word: "Asked by a
    // reporter why she had done so".)
    let question = |k: usize| asked && matches!(doc.low(k), "why" | "how" | "what" | "when" | "where" | "whom");
    let src_end = (ce + 1..b.min(ce + 14)).find(|&k| matches!(doc.w(k), "," | ";" | "." | "—") || matches!(doc.low(k), "for" | "as" | "after" | "during" | "who" | "which" | "whether" | "that" | "if" | "to" | "in" | "on" | "over" | "because") || question(k));
    let src_end = match src_end {
        Some(k) => k,
        None if b <= ce + 14 => b,
        None => return,
    };
    // ("Asked by the defense lawyer, Michael Critchley, why …": the asker's
    // name in apposition is the asker's.)
    let (src_end, b) = if asked && doc.w(src_end) == "," {
        let whole = doc.sentence_end(cs);
        match (src_end + 1..(src_end + 6).min(whole))
            .find(|&k| doc.w(k) == ",")
            .filter(|&c| c > src_end + 1 && (src_end + 1..c).all(|k| doc.w(k).starts_with(char::is_uppercase)) && (matches!(doc.low(c + 1), "whether" | "if" | "that") || question(c + 1)))
        {
            Some(c) => (c + 1, (c + 2..whole).find(|&k| doc.w(k) == "," && !inside_quote(quotes, k)).unwrap_or(whole)),
            None => (src_end, b),
        }
    } else {
        (src_end, b)
    };
    if src_end <= ce + 1 {
        return;
    }
    // "A decision is expected by the end of June": a time is no agent.
    let first = if doc.low(ce + 1) == "the" { ce + 2 } else { ce + 1 };
    let dated = is_time_word(doc.low(first))
        || matches!(doc.low(first), "end" | "start" | "beginning" | "middle" | "close" | "then" | "now" | "next" | "this" | "last" | "early" | "late" | "midnight" | "noon" | "tomorrow" | "today" | "tonight")
        || doc.w(first).starts_with(char::is_uppercase) && is_month(doc.low(first))
        || doc.w(first).len() == 4 && doc.w(first).bytes().all(|c| c.is_ascii_digit());
    if dated {
        return;
    }
    let clause = src_end < b && (matches!(doc.low(src_end), "whether" | "that" | "if") || question(src_end) || matches!(doc.w(src_end), "“" | "\""));
    let (x, y) = if clause {
        trim(doc, src_end + usize::from(doc.low(src_end) == "that"), b)
    } else {
        // The subject: the clause's start up to the auxiliaries.
        let Some(((x, y), _)) = subject(doc, a, cs) else { return };
        if inside_quote(quotes, x) {
            return;
        }
        (x, y)
    };
    if let Some(c) = chars(doc, x, y) {
        att.source = Some(trim(doc, ce + 1, src_end));
        att.cue = Some((cs, ce + 1));
        att.content = Some(c);
        att.kind = kind_of(doc, x, y, quotes);
    }
}

/// "“We will not hesitate,” the agency quoted him as saying.", "The agency
/// quoted Mr. Kim as saying that …": the one quoted is the source, the cue
/// "as saying", and the content the quotation before or the clause after.
fn quoted_as_saying(doc: &Doc, quotes: &[Quote], att: &mut Attribution) {
    let Some((cs, ce)) = att.cue else { return };
    if ce != cs + 1 || doc.low(cs) != "quoted" {
        return;
    }
    let n = doc.tokens.len();
    let Some(k) = (cs + 2..(cs + 6).min(n)).find(|&k| doc.low(k) == "as" && k + 1 < n && doc.low(k + 1) == "saying") else { return };
    let object_ok = (cs + 1..k).all(|j| doc.w(j).starts_with(char::is_uppercase) || PRONOUNS.contains(&doc.low(j)) || matches!(doc.low(j), "him" | "her" | "them"));
    if !object_ok {
        return;
    }
    let b = doc.sentence_end(cs);
    let before = att.content.is_some_and(|(_, e)| e <= doc.tokens[cs].start);
    if !before {
        let from = k + 2 + usize::from(doc.low(k + 2) == "that");
        let (x, y) = trim(doc, from, b);
        // (Nothing after it: the quotation that opens the sentence.)
        let (x, y) = if x < y {
            (x, y)
        } else {
            let a = doc.sentence_start(cs);
            match quotes.iter().find(|q| q.open >= a && q.close < cs) {
                Some(q) => (q.open, q.close + 1),
                None => return,
            }
        };
        let Some(c) = chars(doc, x, y) else { return };
        att.content = Some(c);
        att.parts.clear();
        att.kind = kind_of(doc, x, y, quotes);
    }
    att.source = Some((cs + 1, k));
    att.source_entity = None;
    att.cue = Some((k, k + 2));
}

/// "warned of the dangers", "made no mention of Jeb Bush": a particle right
/// after the cue belongs to the cue, not to the content.
fn particle_to_cue(doc: &Doc, att: &mut Attribution) {
    let (Some((cs, ce)), Some((s, e)), true) = (att.cue, att.content, att.parts.is_empty()) else { return };
    if ce >= doc.tokens.len() || doc.tokens[ce].start != s || !matches!(doc.low(ce), "of") || ce + 1 >= doc.tokens.len() {
        return;
    }
    let ns = doc.tokens[ce + 1].start;
    if ns < e {
        att.cue = Some((cs, ce + 1));
        att.content = Some((ns, e));
    }
}

/// "Despite Mr. Trump's claims that …", "In Ash's view, …", "his
/// controversial remarks about abortion": a cue that is a noun with a
/// possessor and no source of its own has the possessor as its source.
fn possessor_source(doc: &Doc, att: &mut Attribution) {
    let (None, Some((cs, ce))) = (att.source, att.cue) else { return };
    let a = doc.sentence_start(cs);
    let mut k = cs;
    // adjectives between: "his controversial remarks"
    while k > a + 1 && cs - k < 3 && doc.w(k - 1).starts_with(char::is_lowercase) && !matches!(doc.low(k - 1), "his" | "her" | "their" | "its" | "our" | "my" | "’s" | "'s") && !is_punct(doc.w(k - 1)) && !is_clause_word(doc.low(k - 1)) {
        k -= 1;
    }
    let noun = |k: usize| crate::lexicon::NOUN_CUES.contains(&doc.low(k)) || crate::lexicon::REACTION_NOUNS.contains(&doc.low(k));
    if k == a || !noun(ce - 1) && !noun(cs) {
        return;
    }
    let p = k - 1;
    if matches!(doc.low(p), "his" | "her" | "their" | "its" | "our" | "my") {
        att.source = Some((p, p + 1));
    } else if matches!(doc.w(p), "’s" | "'s") && p > a && doc.w(p - 1).starts_with(char::is_uppercase) {
        let mut x = p - 1;
        while x > a && doc.w(x - 1).starts_with(char::is_uppercase) && !is_punct(doc.w(x - 1)) && !LEADING.contains(&doc.low(x - 1)) {
            x -= 1;
        }
        att.source = Some((x, p));
    }
}

/// Is the noun cue at token `k` the head of a noun phrase opened by a
/// determiner right before it or before one adjective ("his claim", "the
/// original complaints", "a false suggestion")? Not "her allies fear": a
/// plural noun between makes the cue a verb.
pub(crate) fn determined_noun_cue(doc: &Doc, k: usize) -> bool {
    let w = doc.low(k);
    if k == 0 || !(crate::lexicon::NOUN_CUES.contains(&w) || crate::lexicon::REACTION_NOUNS.contains(&w)) {
        return false;
    }
    let det = |j: usize| matches!(doc.low(j), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "this" | "these" | "those");
    // ("the president hopes", "the official claims": a noun of a speaker
    // before it makes the cue a verb.)
    let adjective = |j: usize| {
        let x = doc.low(j);
        doc.w(j).starts_with(char::is_lowercase)
            && !ANONYMOUS_HEADS.contains(&x)
            && !dossier_language::entities::ROLE_HEADS.contains(&x)
            && (matches!(x, "false" | "new" | "same" | "latest" | "repeated" | "own" | "recent" | "earlier" | "previous" | "harsh" | "first" | "last" | "other" | "strong" | "frequent" | "sharp" | "vague" | "bold" | "blunt" | "unfounded" | "baseless" | "widespread" | "growing" | "renewed")
                || ["al", "ed", "ive", "ous", "ic", "ful", "est", "ble", "ary", "less"].iter().any(|s| x.ends_with(s) && x.len() > s.len() + 2))
    };
    det(k - 1) || k > 1 && det(k - 2) && adjective(k - 1)
}

/// "Trump backed away from a suggestion that …", "He earned no reprieve
/// with his complaints that …": the words before a noun cue's determiner
/// are no source (its possessor is, found by `possessor_source`), unless a
/// verb that only carries the noun stands there: then its subject is ("De
/// Blasio also repeated his claim that …", "Democratic leaders are putting
/// out a warning that …", as PolNeAR marks them).
fn noun_phrase_source(doc: &Doc, att: &mut Attribution) {
    let (Some((ss, se)), Some((cs, ce))) = (att.source, att.cue) else { return };
    if se != cs || ce != cs + 1 || !determined_noun_cue(doc, cs) {
        return;
    }
    let light = |k: usize| {
        matches!(
            doc.low(k),
            "expressed" | "expresses" | "expressing" | "made" | "makes" | "make" | "making" | "repeated" | "repeats" | "repeating" | "shared" | "shares" | "voiced" | "voices" | "issued" | "issues" | "issuing" | "renewed" | "renews" | "reiterated" | "reiterates" | "offered" | "offers" | "raised" | "raises" | "echoed" | "echoes" | "delivered" | "leveled" | "levelled" | "lodged" | "out"
        )
    };
    att.source = (ss..cs).find(|&k| light(k)).and_then(|v| {
        let v = if doc.low(v) == "out" && v > ss { v - 1 } else { v };
        let mut e = v;
        while e > ss && AUXILIARIES.contains(&doc.low(e - 1)) {
            e -= 1;
        }
        // ("prompted his wife to make a controversial comment that …": the
        // object of the verb before "to" makes it.)
        let mut start = ss;
        if e > ss + 1 && doc.low(e - 1) == "to" {
            e -= 1;
            if let Some(f) = (ss..e).rev().find(|&k| finite_past(doc, k)) {
                start = f + 1;
            }
        }
        let (x, y) = trim(doc, start, e);
        (x < y && y - x <= 12 && (x..y).all(|k| !finite_past(doc, k))).then_some((x, y))
    });
}

/// "In a statement announcing the pick", "a new poll showing Trump's
/// standing down", "pre-event disclaimers urging peaceable conduct": a
/// participle cue right after a document's noun has that document as its
/// source.
fn document_participle(doc: &Doc, att: &mut Attribution) {
    let Some((cs, ce)) = att.cue else { return };
    if ce != cs + 1 || cs < 1 || !doc.low(cs).ends_with("ing") || att.kind == Kind::NoComment {
        return;
    }
    // ("filed a lawsuit on Tuesday accusing …": the noun before a time.)
    let a = doc.sentence_start(cs);
    let n_end = (cs.saturating_sub(3).max(a + 1)..cs).find(|&j| adjunct_len(doc, j) == cs - j).unwrap_or(cs);
    let noun = doc.low(n_end - 1);
    if !is_document_noun(noun) || !doc.w(n_end - 1).starts_with(char::is_lowercase) {
        return;
    }
    // (From here on, `cs` is where the document's noun phrase ends.)
    let cs = n_end;
    let mut x = cs - 1;
    // (To the verb before the document's determiner: "revived a lawsuit".)
    let after_verb = |x: usize| matches!(doc.low(x), "a" | "an" | "the" | "these" | "those" | "new") && finite_past(doc, x - 1);
    while x > a && cs - x < 6 && !is_punct(doc.w(x - 1)) && !is_clause_word(doc.low(x - 1)) && !doc.low(x - 1).ends_with("ing") && !after_verb(x) {
        x -= 1;
    }
    // ("Trump issued a statement saying …": the issuer is the source; only
    // a document after a preposition or opening its clause speaks alone.)
    if !(x == a || matches!(doc.low(x - 1), "in" | "of" | "with" | "despite" | "after" | "by" | "from" | "amid" | "," | "is" | "are" | "was" | "were")) {
        // ("Vance issued a statement saying …": the issuer, not "Vance
        // issued a statement".)
        let mut v = x - 1;
        while v > a && is_manner_adverb(doc.low(v)) {
            v -= 1;
        }
        // ("Clinton has a new ad hitting Trump": hers.)
        if v > a && matches!(doc.low(v), "issued" | "released" | "sent" | "published" | "posted" | "tweeted" | "filed" | "unveiled" | "aired" | "ran" | "has" | "have" | "had") {
            if let Some(((sx, sy), _)) = subject(doc, a, v) {
                att.source = Some((sx, sy));
                att.source_entity = None;
            }
            return;
        }
        // ("A court revived a lawsuit accusing …", "The Post obtained emails
        // showing …": the document, which the verb before did not make.)
        if !(finite_past(doc, v) && doc.w(v).starts_with(char::is_lowercase)) {
            return;
        }
    }
    att.source = Some((x, cs));
    att.source_entity = None;
}

/// A word that ends a noun phrase read backwards: a preposition,
/// conjunction, auxiliary or complementiser.
fn is_clause_word(w: &str) -> bool {
    AUXILIARIES.contains(&w)
        || matches!(
            w,
            "in" | "on" | "at" | "for" | "to" | "with" | "by" | "from" | "into" | "about" | "over" | "against" | "than" | "like" | "during"
                | "and" | "but" | "or" | "as" | "if" | "when" | "while" | "because" | "that" | "since" | "after" | "before" | "are" | "is"
                | "was" | "were" | "be" | "been" | "not" | "of" | "despite" | "there" | "uses" | "released" | "issued" | "sent" | "published"
                | "has" | "had" | "have" | "posted" | "filed" | "unveiled" | "wrote" | "ran" | "aired"
        )
}

/// "Trump has faced criticism from rivals that …", "drew support from
/// the unions": a cue that is a noun of reaction has its source after
/// "from", not the clause before it.
fn from_source(doc: &Doc, att: &mut Attribution) {
    let Some((cs, ce)) = att.cue else { return };
    let head = doc.low(ce - 1);
    if doc.low(ce) != "from" || !crate::lexicon::REACTION_NOUNS.contains(&head) || att.source.is_some_and(|(_, se)| se > ce) {
        return;
    }
    let b = doc.sentence_end(cs);
    let end = (ce + 1..b).find(|&k| is_punct(doc.w(k)) || matches!(doc.low(k), "that" | "who" | "which" | "over" | "about" | "for" | "on" | "after" | "because" | "to")).unwrap_or(b);
    if end > ce + 1 && end - ce - 1 <= 8 {
        att.source = Some((ce + 1, end));
        att.source_entity = None;
    }
}

/// "As Tom Ridge, a former secretary, put it: “…”", "as one lawyer recently
/// put it, …": the cue is "put it" (the detector vouches for "it" alone),
/// the source what stands between "as" and the verb, adverbs left out.
fn as_put_it(doc: &Doc, att: &mut Attribution) {
    let Some((cs, ce)) = att.cue else { return };
    let put = match (doc.low(cs), ce - cs) {
        ("it", _) if cs > 0 && doc.low(cs - 1) == "put" && (cs + 1..ce).all(|k| is_punct(doc.w(k))) => cs - 1,
        ("put", 1) | ("put", 2) if doc.low(cs + 1) == "it" => cs,
        _ => return,
    };
    att.cue = Some((put, put + 2));
    let a = doc.sentence_start(put);
    let mut end = put;
    while end > a && (is_manner_adverb(doc.low(end - 1)) || matches!(doc.low(end - 1), "once" | "so" | "then" | "later" | "recently" | "also" | ",")) {
        end -= 1;
    }
    let Some(as_) = (a.max(end.saturating_sub(40))..end).rev().find(|&k| doc.low(k) == "as" && (k == a || matches!(doc.w(k - 1), "," | "—" | "(") || matches!(doc.low(k - 1), "or" | "and" | "but" | "just"))) else {
        att.source = subject(doc, a, end).map(|(s, _)| s);
        return;
    };
    let (s, e) = trim(doc, as_ + 1, end);
    att.source = (s < e).then_some((s, e));
}

/// "As one supervisor put it, the building would cast shadows …",
/// "…, because, as one supervisor put it, it would cast …", "…, as one
/// lawyer put it.": the clause after the comma that closes "as SOURCE put
/// it", or, at the sentence's end, the clause before its "as".
/// (`as_put_it` then sets the source and the cue.)
fn as_put_it_frame(doc: &Doc, a: usize, b: usize, i: usize, quotes: &[Quote]) -> Option<(Attribution, usize)> {
    let as_ = (i.saturating_sub(10).max(a)..i).rev().find(|&k| doc.low(k) == "as")?;
    let after = i + 2;
    let (x, y) = if after < b && matches!(doc.w(after), "," | ":") {
        // (A quotation after a colon is handled by the quotation rules.)
        if doc.w(after) == ":" || is_quote_mark(doc.w(after + 1)) {
            return None;
        }
        trim(doc, after + 1, b)
    } else if (after >= b || matches!(doc.w(after), "." | "!" | "?")) && as_ > a + 2 && doc.w(as_ - 1) == "," {
        let start = (a..as_ - 1).rev().find(|&k| matches!(doc.w(k), ";" | ":" | "—")).map_or(a, |k| k + 1);
        trim(doc, start, as_ - 1)
    } else {
        return None;
    };
    if y <= x + 1 {
        return None;
    }
    let content = chars(doc, x, y)?;
    let att = Attribution { kind: kind_of(doc, x, y, quotes), source: Some((as_ + 1, i)), source_entity: None, source_type: SourceType::Person, cue: Some((i, i + 2)), content: Some(content), parts: Vec::new(), stance: None };
    Some((att, b))
}

/// "As Clinton told the New York Daily News, tax relief …", "And as Smith
/// noted in her speech last week, …": the comma that closes a sentence's
/// leading "as" clause whose verb is the cue `(cs, ce)`, when the subject
/// between "as" and the cue is a short phrase without punctuation and what
/// stands between the cue and the comma (a listener, a time, a place or
/// medium) opens no clause of its own.
fn leading_as_comma(doc: &Doc, a: usize, b: usize, cs: usize, ce: usize) -> Option<usize> {
    let mut s = a;
    while s < cs && matches!(doc.low(s), "and" | "but" | "yet" | "so" | "just") {
        s += 1;
    }
    let verb = doc.low(ce - 1);
    // ("As Clinton extends her lead in pledged delegates, …": the subject's
    // own verb before the cue.)
    if !is_speech_verb(verb) || verb.ends_with("ing") || doc.low(s) != "as" || cs < s + 2 || cs - s > 8 || (s + 1..cs).any(|k| is_punct(doc.w(k)) || is_quote_mark(doc.w(k)) || has_verb_form(doc, k) || matches!(doc.low(k), "in" | "of" | "for" | "with" | "to")) {
        return None;
    }
    let p = (ce..(ce + 12).min(b)).find(|&k| is_punct(doc.w(k)) || is_quote_mark(doc.w(k)))?;
    let tail_plain = (ce..p).all(|k| {
        let w = doc.low(k);
        !matches!(w, "that" | "if" | "whether" | "to" | "when" | "how" | "why" | "what") && !PRONOUN_SUBJECTS.contains(&w) && !is_speech_verb(w) && !FINITE_AUXILIARIES.contains(&w)
    });
    // ("As he said, “…”": a quotation after the comma is left to the rules
    // of quotations.)
    let rest = (p + 1..b).filter(|&k| !is_punct(doc.w(k))).count();
    // (Nor a clause with a speaker of its own: "As Trump spoke, the
    // attendees chanted …".)
    let own_cue = (p + 1..b).any(|k| is_speech_verb(doc.low(k)));
    (doc.w(p) == "," && tail_plain && rest >= 3 && !own_cue && !is_quote_mark(doc.w(p + 1))).then_some(p)
}

/// Does the comma at `k` part the items of a list that ends its sentence
/// ("jewelry, electronics and about $8,000 in cash.")? After it come a few
/// words, then "and" or "or" and a few more, no verb, no quotation, no
/// other comma.
pub(crate) fn list_comma(doc: &Doc, k: usize) -> bool {
    let b = doc.sentence_end(k);
    let rest: Vec<usize> = (k + 1..b).filter(|&j| !matches!(doc.w(j), "." | "!" | "?")).collect();
    let Some(and) = rest.iter().position(|&j| matches!(doc.low(j), "and" | "or")) else { return false };
    (1..=4).contains(&and)
        && rest.len() - and - 1 <= 8
        && rest.len() > and + 1
        && rest.iter().all(|&j| !matches!(doc.w(j), "," | ";" | ":") && !is_quote_mark(doc.w(j)) && !has_verb_form(doc, j) && !FINITE_AUXILIARIES.contains(&doc.low(j)) && !PRONOUN_SUBJECTS.contains(&doc.low(j)) && doc.low(j) != "that")
}

/// Is `att`'s content the clause after a leading "as" clause whose verb is
/// its cue ([`leading_as_comma`])?
pub(crate) fn after_leading_as(doc: &Doc, att: &Attribution) -> bool {
    let (Some((cs, ce)), Some((x, _))) = (att.cue, att.content) else { return false };
    let (a, b) = (doc.sentence_start(cs), doc.sentence_end(cs));
    leading_as_comma(doc, a, b, cs, ce).is_some_and(|p| (p + 1..b).any(|k| doc.tokens[k].start == x))
}

/// "Said Ellis: “I don’t get the sense …”", "Added the mayor, “…”": a verb
/// of saying that opens the sentence has its source right after it, up to
/// the colon or comma before the quotation.
fn fronted_verb(doc: &Doc, quotes: &[Quote], att: &mut Attribution) {
    let fronted_word = |w: &str| matches!(w, "said" | "says" | "added" | "adds" | "wrote" | "writes" | "asked" | "recalled" | "noted" | "explained" | "replied" | "quipped" | "continued" | "stated" | "argued" | "declared");
    // ("Continued Vance: “…”", read as a speaker's label: the label's
    // first word is the cue.)
    if let (Some((ss, se)), Some((cs, _))) = (att.source, att.cue) {
        if doc.w(cs) == ":" && se <= cs && se > ss + 1 && ss == doc.sentence_start(cs) && fronted_word(doc.low(ss)) && doc.w(ss).starts_with(char::is_uppercase) {
            att.cue = Some((ss, ss + 1));
            att.source = Some((ss + 1, se));
        }
        return;
    }
    let (None, Some((cs, ce)), Some((s, e)), true) = (att.source, att.cue, att.content, att.parts.is_empty()) else { return };
    // ("In other words, explained the moderator: “…”": after a short
    // leading phrase too.)
    let a = doc.sentence_start(cs);
    let fronted = cs == a || cs <= a + 4 && doc.w(cs - 1) == ",";
    if !fronted || ce != cs + 1 || !fronted_word(doc.low(cs)) {
        return;
    }
    let b = doc.sentence_end(cs);
    let Some(p) = (ce + 1..(ce + 11).min(b)).find(|&k| matches!(doc.w(k), ":" | ",")) else { return };
    if (ce..p).any(|k| is_quote_mark(doc.w(k))) || !doc.w(ce).starts_with(char::is_uppercase) && !matches!(doc.low(ce), "the" | "a" | "an" | "one") {
        return;
    }
    let Some(q) = quote_at(quotes, p + 1) else { return };
    let start = doc.tokens[q.open].start;
    if start < s {
        return;
    }
    // (A content the rules ended at the comma is the source: the quotation
    // is the content.)
    let e = if start >= e { doc.tokens[q.close].end } else { e };
    att.source = Some((ce, p));
    att.content = Some((start, e));
    att.kind = kind_of(doc, q.open, doc.tokens.partition_point(|t| t.end <= e).max(q.close + 1), quotes);
}

/// The rules' attributions, sources not yet classified.
fn rules(doc: &Doc, quotes: &[Quote], scores: &[f32]) -> Vec<Attribution> {
    let quotes = quotes.to_vec();
    let mut out: Vec<Attribution> = Vec::new();
    for si in 0..doc.sentences.len() {
        let (a, b) = (doc.sentences[si].tokens.start, doc.sentences[si].tokens.end);
        let mut i = a;
        while i < b {
            let found = no_comment(doc, a, b, i)
                .or_else(|| according_to(doc, a, b, i))
                .or_else(|| per_source(doc, a, b, i))
                .or_else(|| in_poll(doc, a, b, i))
                .or_else(|| speech(doc, a, b, i, &quotes, scores[i]));
            match found {
                Some((mut att, mut next)) => {
                    fix_source(doc, &mut att);
                    // "In a statement announcing the pick, the union called
                    // Clinton a “champion”": a document's participle in a
                    // leading phrase has its content up to the phrase's
                    // comma; the sentence's own cue comes after it.
                    if let Some(comma) = leading_document_participle(doc, a, b, &att) {
                        let cs = att.cue.map_or(i, |c| c.1);
                        let (x, y) = trim(doc, cs, comma);
                        if let Some(span) = chars(doc, x, y) {
                            att.content = Some(span);
                            att.parts.clear();
                            att.kind = kind_of(doc, x, y, &quotes);
                        }
                        next = comma;
                    }
                    // "The firm concluded that the data had been copied, the
                    // official said.": the search goes on after the content,
                    // where a cue of its own may take the whole clause.
                    let mut content_end = att.content.map_or(next, |(_, e)| doc.tokens.partition_point(|t| t.end <= e));
                    let after_cue = att.cue.map_or(i + 1, |(_, ce)| ce);
                    // ("The closures, which have not been announced, are
                    // part of a plan …, according to two people who have seen
                    // it.": a content that runs over ", according to" of
                    // another attribution stops before it, and the search
                    // goes on there.)
                    if att.kind != Kind::AccordingTo && att.parts.is_empty() {
                        let x = att.content.map_or(content_end, |(s, _)| doc.tokens.partition_point(|t| t.end <= s));
                        let according = (x.max(after_cue) + 1..content_end.min(b).saturating_sub(1)).find(|&k| doc.low(k) == "according" && doc.low(k + 1) == "to" && doc.w(k - 1) == "," && !inside_quote(&quotes, k));
                        if let Some(k) = according {
                            let (cx, cy) = trim(doc, x, k - 1);
                            att.content = chars(doc, cx, cy);
                            content_end = k - 1;
                            next = next.min(k - 1);
                        }
                    }
                    if !overlaps_existing(&out, &att) {
                        out.push(att);
                    }
                    i = next.min(content_end.max(after_cue)).max(i + 1);
                }
                None => i += 1,
            }
        }
    }
    let labelled = labels::find(doc, &quotes, &out);
    if !labelled.is_empty() {
        out.extend(labelled);
        out.sort_by_key(|a| a.cue.map_or(0, |c| c.0));
    }
    out
}

/// The comma that closes a leading phrase whose document's participle is the
/// attribution's cue ("In a statement announcing the pick, …").
fn leading_document_participle(doc: &Doc, a: usize, b: usize, att: &Attribution) -> Option<usize> {
    let (cs, ce) = att.cue?;
    if ce != cs + 1 || cs < a + 3 || !doc.low(cs).ends_with("ing") || !DOCUMENT_HEADS.contains(&doc.low(cs - 1)) {
        return None;
    }
    if !matches!(doc.low(a), "in" | "with" | "through") || (a + 1..cs).any(|k| is_punct(doc.w(k))) {
        return None;
    }
    (ce..b).find(|&k| doc.w(k) == ",").filter(|&k| k + 3 < b)
}

/// A passive cue ("was criticized for") has no source unless a "by" phrase
/// names one. (Giving participle cues — ", adding that …" — the clause's
/// subject was measured and lowered the triple score on PolNeAR dev.)
fn fix_source(doc: &Doc, att: &mut Attribution) {
    let Some((cs, ce)) = att.cue else { return };
    let verb = doc.low(ce.saturating_sub(1));
    let verb = if matches!(verb, "for" | "on" | "against" | "out" | "to" | "about" | "up") { doc.low(ce.saturating_sub(2)) } else { verb };
    // "could be expected to …": the auxiliary may stand just before the cue.
    // ("Some Democrats are concerned that …", "she is assured of …": a
    // participle of feeling is an adjective; its subject holds the view.)
    let feeling = matches!(
        verb,
        "concerned" | "worried" | "convinced" | "assured" | "focused" | "divided" | "united" | "determined" | "committed" | "opposed" | "troubled"
            | "alarmed" | "disturbed" | "disappointed" | "frustrated" | "pleased" | "encouraged" | "impressed" | "unconvinced" | "confused"
            | "shocked" | "surprised" | "stunned" | "outraged" | "angered" | "thrilled" | "delighted" | "relieved" | "dismayed" | "appalled"
            | "horrified" | "excited" | "amazed" | "saddened" | "heartened" | "persuaded" | "satisfied" | "unimpressed" | "terrified" | "scared"
    );
    let passive = !feeling && (cs.saturating_sub(1)..ce).any(|k| matches!(doc.low(k), "was" | "were" | "been" | "being" | "is" | "are" | "be")) && (verb.ends_with("ed") || matches!(verb, "told" | "asked" | "seen" | "known" | "thought"));
    // "Smith was quoted as saying that …": the subject is the speaker.
    if passive && verb == "quoted" && doc.low(ce) == "as" {
        if doc.low(ce + 1) == "saying" {
            att.cue = Some((cs, ce + 2));
        }
        return;
    }
    if passive && doc.low(ce) != "by" && att.kind != Kind::NoComment {
        att.source = None;
        return;
    }
    // "…,” Christie said when asked if he would run": a question put by
    // someone the text does not name.
    if cs > 0 && doc.low(cs) == "asked" && matches!(doc.low(cs - 1), "when" | "if" | "after" | "as" | "before" | "once" | "until" | "unless") {
        att.source = None;
    }
}

fn overlaps_existing(out: &[Attribution], att: &Attribution) -> bool {
    let Some((s, e)) = att.content else { return false };
    out.iter().any(|o| o.content.is_some_and(|(os, oe)| s < oe && os < e && o.cue == att.cue))
}

/// A quotation: the token of its opening mark and of its closing mark (or the
/// last token of the paragraph where it stops unclosed).
#[derive(Debug, Clone, Copy)]
struct Quote {
    open: usize,
    close: usize,
}

/// The most tokens a quotation whose closing mark is missing may span: an
/// unclosed mark in a long paragraph (or a text of one line) ends its
/// quotation here instead of running on to the paragraph's end.
pub const MAX_UNCLOSED_QUOTE_TOKENS: usize = 300;

/// The document's quotations, in order: each opens after the previous one
/// closes, so both their `open` and their `close` tokens increase (the lookups
/// below search them by halving).
fn quotations(doc: &Doc) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let n = doc.tokens.len();
    for i in 0..n {
        if let Some(o) = open.filter(|&o| i - o >= MAX_UNCLOSED_QUOTE_TOKENS) {
            out.push(Quote { open: o, close: i - 1 });
            open = None;
        }
        let w = doc.w(i);
        let para_break = i + 1 < n && doc.text[doc.tokens[i].bend..doc.tokens[i + 1].bstart].matches('\n').count() >= 2;
        match (w, open) {
            ("“", None) => open = Some(i),
            ("\"", None) if i + 1 < n && !para_break => open = Some(i),
            ("”", Some(o)) | ("\"", Some(o)) => {
                out.push(Quote { open: o, close: i });
                open = None;
            }
            ("“", Some(o)) => {
                // A new opening mark: the previous quotation ran to the paragraph's end.
                out.push(Quote { open: o, close: i.saturating_sub(1) });
                open = Some(i);
            }
            _ => {}
        }
        if para_break {
            if let Some(o) = open.take() {
                out.push(Quote { open: o, close: i });
            }
        }
    }
    if let Some(o) = open {
        out.push(Quote { open: o, close: n - 1 });
    }
    out
}

/// The quotation whose closing mark is token `close` (closes increase).
fn quote_closing_at(quotes: &[Quote], close: usize) -> Option<Quote> {
    quotes.binary_search_by_key(&close, |q| q.close).ok().map(|k| quotes[k])
}

fn quote_at(quotes: &[Quote], open: usize) -> Option<Quote> {
    quotes.binary_search_by_key(&open, |q| q.open).ok().map(|k| quotes[k])
}

fn inside_quote(quotes: &[Quote], i: usize) -> bool {
    // The last quotation opened before `i` is the only one that may hold it.
    let k = quotes.partition_point(|q| q.open < i);
    k > 0 && i < quotes[k - 1].close
}

/// The first quotation (in order) closing at or after token `close`.
fn first_closing_from(quotes: &[Quote], close: usize) -> Option<Quote> {
    quotes.get(quotes.partition_point(|q| q.close < close)).copied()
}

fn chars(doc: &Doc, a: usize, b: usize) -> Option<(usize, usize)> {
    (a < b && b <= doc.tokens.len()).then(|| (doc.tokens[a].start, doc.tokens[b - 1].end))
}

pub(crate) fn is_punct(w: &str) -> bool {
    w.chars().all(|c| !c.is_alphanumeric())
}

/// Trim punctuation tokens off both ends of a token range.
pub(crate) fn trim(doc: &Doc, mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && is_punct(doc.w(a)) && !matches!(doc.w(a), "“" | "\"" | "$" | "‘") {
        a += 1;
    }
    while b > a && is_punct(doc.w(b - 1)) && !matches!(doc.w(b - 1), "”" | "\"" | "’" | "%") {
        // A parenthesis closing one opened in the range stays: "(D-Minn.)".
        if doc.w(b - 1) == ")" && (a..b - 1).any(|k| doc.w(k) == "(") {
            break;
        }
        b -= 1;
    }
    (a, b)
}

/// The cue's start: auxiliaries and adverbs before the verb belong to it.
fn cue_start(doc: &Doc, a: usize, verb: usize) -> usize {
    let mut s = verb;
    // "Opponents made clear that …"
    if s > a && doc.low(s) == "clear" && matches!(doc.low(s - 1), "made" | "make" | "makes" | "making") {
        s -= 1;
    }
    while s > a && (AUXILIARIES.contains(&doc.low(s - 1)) || doc.low(s - 1) == "not" || doc.low(s - 1) == "n't" || is_manner_adverb(doc.w(s - 1))) {
        s -= 1;
    }
    s
}

/// A lower-case adverb in -ly before a verb ("effectively ruled", "aptly
/// pointed out"); nouns and adjectives that end so are left out.
pub(crate) fn is_manner_adverb(w: &str) -> bool {
    matches!(w, "fully" | "truly" | "newly" | "badly" | "oddly" | "wryly" | "dryly" | "sadly" | "hotly" | "aptly" | "madly")
        || w.len() > 5 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase()) && !matches!(w, "family" | "supply" | "assembly" | "rally" | "reply" | "apply" | "belly" | "daily" | "weekly" | "monthly" | "early" | "likely" | "only" | "elderly" | "friendly" | "costly" | "lonely" | "holy" | "ugly" | "italy" | "july" | "anomaly" | "monopoly")
}

const LEADING: &[&str] = &[
    "in", "at", "on", "during", "after", "before", "speaking", "asked", "when", "while", "since", "later", "earlier",
    "meanwhile", "however", "also", "still", "separately", "previously", "last", "this", "then", "but", "and", "yet",
    "so", "for", "instead", "now", "today", "yesterday", "as", "if", "although", "though", "because", "under",
    "in a", "with", "without", "by", "from", "according", "responding", "writing", "addressing", "following",
    "should", "unless", "until", "despite", "amid", "whether", "unlike", "given", "once", "to",
    "inside", "outside", "within", "across", "among", "behind", "beyond", "throughout",
    "reached", "contacted", "pressed", "interviewed", "approached",
    "regardless", "often", "indeed", "moreover", "furthermore", "nevertheless", "nonetheless", "likewise", "besides",
    "overall", "otherwise", "thus", "therefore", "sometimes", "perhaps", "maybe", "first", "second", "third",
    "already", "again", "elsewhere", "anyway", "rather", "contrary", "similarly", "sure", "true", "plus", "remember",
];

/// Leading phrases of connection, time or place, read as text at a chunk's
/// start ("Even so, …", "So far, …", "Here in Columbia, …").
const LEADING_PHRASES: &[&str] = &[
    "even so", "what’s more", "what's more", "so far", "here in ", "here at ", "early in ", "early on", "around that time", "around the same time",
    "the day before", "the next day", "the night before", "the day after", "at the same time", "for now", "by contrast", "in contrast",
    "of course", "on the other hand", "in addition", "at times", "over the years", "over decades", "in recent years", "in recent weeks",
    "in recent days", "in recent months", "for years", "for decades", "for months", "for weeks", "one after another", "one by one",
    "time and again", "again and again", "in turn", "more than ", "rather than ", "less than ", "unlike ",
];

/// Leading words that are adverbs, not prepositions: after them the subject
/// may follow without a comma ("Now the government hopes").
const SUBJECT_ADVERBS: &[&str] = &[
    "now", "still", "meanwhile", "also", "then", "yet", "instead", "today", "yesterday", "later", "earlier",
    "separately", "previously", "again", "already", "often", "indeed", "moreover", "furthermore", "nevertheless",
    "nonetheless", "likewise", "besides", "thus", "therefore", "sometimes", "perhaps", "maybe", "rather", "similarly",
];

/// "disputed a report that he had privately mocked": "that" and a subject
/// pronoun right before the cue's verb (its auxiliaries and an adverb
/// between) open a clause of their own, even after "a report".
fn complement_clause(doc: &Doc, k: usize, end: usize) -> bool {
    k + 2 <= end && matches!(doc.low(k + 1), "he" | "she" | "they" | "we" | "i" | "it") && (k + 2..end).all(|j| AUXILIARIES.contains(&doc.low(j)) || matches!(doc.low(j), "not" | "n't") || is_manner_adverb(doc.low(j)))
}

/// The subject before a cue: the clause's first noun phrase, leading
/// adverbials and interrupting clauses left out. Returns the token range and
/// the stance an interrupting clause states ("while not denying the report").
fn subject(doc: &Doc, a: usize, end: usize) -> Option<((usize, usize), Option<Stance>)> {
    let found = subject_in(doc, a, end);
    // "The Fed's projections showed officials expect …": a verb that takes a
    // clause inside the subject makes what follows it the subject of the
    // cue's clause (not after a relative: "Officials who said so expect").
    let found = found.map(|((x, y), stance)| {
        let relative = |k: usize| (x..k).any(|j| matches!(doc.low(j), "who" | "which" | "that" | "whom"));
        let inner = (x + 1..y.saturating_sub(1)).rev().find(|&k| {
            let w = doc.low(k);
            doc.w(k).starts_with(char::is_lowercase) && matches!(w, "showed" | "shows" | "found" | "finds" | "indicated" | "indicates" | "suggested" | "suggests" | "revealed" | "reveals" | "said" | "says")
        });
        match inner {
            // (People named by a plural noun: "officials", "most voters";
            // not "showed no sign", "said in a video".)
            Some(k) if !relative(k)
                && y - (k + 1) <= 4
                && (k + 1..y).all(|j| !is_punct(doc.w(j)) && !finite_past(doc, j) && !matches!(doc.low(j), "that" | "in" | "on" | "at" | "of" | "to" | "for" | "as" | "no" | "little" | "the" | "a" | "an" | "his" | "her" | "its" | "their"))
                && {
                    let h = doc.low(y - 1);
                    ANONYMOUS_HEADS.contains(&h) || h.len() > 4 && h.ends_with('s') && !h.ends_with("ss") && doc.w(y - 1).starts_with(char::is_lowercase)
                } =>
            {
                ((k + 1, y), stance)
            }
            _ => ((x, y), stance),
        }
    });
    // "Ed Pierson, a former Boeing manager who has raised concerns about":
    // a cue inside a relative clause has the relative as its subject (the
    // cue a noun after the clause's verb).
    let found = found.map(|((x, y), stance)| match (x + 1..y.saturating_sub(1)).find(|&k| matches!(doc.low(k), "who" | "which")) {
        Some(r)
            if end < doc.tokens.len()
                && (crate::lexicon::NOUN_CUES.contains(&doc.low(end)) || crate::lexicon::REACTION_NOUNS.contains(&doc.low(end)))
                && (r + 1..y).all(|j| !is_punct(doc.w(j)))
                && (r + 1..y).any(|j| finite_past(doc, j))
                && (r + 1..y).all(|j| doc.w(j).starts_with(char::is_lowercase)) =>
        {
            ((r, r + 1), stance)
        }
        _ => ((x, y), stance),
    });
    // "Others, including Mark Zandi of Moody's Analytics, said": who the
    // subject includes is the source's (the aside rule leaves it out).
    match found {
        Some(((x, y), stance)) if y + 2 < end && doc.w(y) == "," && doc.low(y + 1) == "including" && doc.w(end - 1) == "," => Some(((x, end - 1), stance)),
        _ => found,
    }
}

/// [`subject`] before its "including" phrase.
fn subject_in(doc: &Doc, a: usize, end: usize) -> Option<((usize, usize), Option<Stance>)> {
    if end <= a {
        return None;
    }
    // "…, Columbus Taxpayers United, whose chairman, Douglas Reed, said":
    // the relative's noun phrase (and a name in apposition to it) is the
    // subject.
    // (After a comma: "the Romanian hacker whose cyber-mischief first
    // revealed …" keeps its noun.)
    if let Some(w) = (a.max(end.saturating_sub(10))..end.saturating_sub(1)).rev().find(|&k| doc.low(k) == "whose").filter(|&w| w > a && doc.w(w - 1) == ",") {
        let y = if doc.w(end - 1) == "," { end - 1 } else { end };
        // (A short noun phrase, perhaps a name in apposition after its
        // comma; not a clause of its own, "Sanders, whose coalition includes
        // young people, said".)
        let comma = (w + 1..y).find(|&k| doc.w(k) == ",");
        let noun = comma.unwrap_or(y);
        let short = noun > w + 1 && noun - w <= 3 && (w + 1..noun).all(|k| !is_punct(doc.w(k)) && !has_verb_form(doc, k));
        let name = comma.is_none_or(|c| c + 1 < y && (c + 1..y).all(|k| doc.w(k).starts_with(char::is_uppercase) || matches!(doc.w(k), "." | "-")));
        if short && name {
            return Some(((w, y), None));
        }
    }
    // "Marco Rubio, who he dubbed “…”": an object relative; its subject is
    // the pronoun after the relative.
    if end >= a + 2 && PRONOUN_SUBJECTS.contains(&doc.low(end - 1)) && matches!(doc.low(end - 2), "who" | "whom" | "which") {
        return Some(((end - 1, end), None));
    }
    // "95 retired generals -- most of whom had previously announced": the
    // relative quantifier is the subject.
    if end >= a + 3 && matches!(doc.low(end - 1), "whom" | "which") && doc.low(end - 2) == "of" && !is_punct(doc.w(end - 3)) {
        return Some(((end - 3, end), None));
    }
    // "…, who have said": the noun phrase "who" stands for; so after an
    // adverb too ("the two biggest polluters, which together vowed").
    // ("Hillary Clinton — who’s called for big tax hikes": the clitic
    // auxiliary too.)
    let mut r = if end >= a + 2 && matches!(doc.w(end - 1), "’s" | "'s") { end - 1 } else { end };
    while r > a + 1 && is_relative_adverb(doc.low(r - 1)) && r + 2 >= end {
        r -= 1;
    }
    if matches!(doc.low(r - 1), "who" | "which") {
        return Some((antecedent_of_who(doc, a, r - 1).unwrap_or((r - 1, r)), None));
    }
    // ("angered a fan base that had hoped …": a relative "that" after its
    // noun, not the "that" after a verb.)
    // Its source is the noun phrase before it, back to its determiner, with
    // the "that" (PolNeAR's annotators mark one or the other).
    if r >= a + 3 && doc.low(r - 1) == "that" && !is_punct(doc.w(r - 2)) && !has_verb_form(doc, r - 2) && !matches!(doc.low(r - 2), "so" | "now" | "such" | "the" | "a" | "an" | "all" | "and" | "but" | "of" | "in" | "on" | "at" | "for" | "with" | "morning" | "afternoon" | "evening" | "night" | "week" | "month" | "year") && !is_time_word(doc.low(r - 2)) && !AUXILIARIES.contains(&doc.low(r - 2)) {
        let mut x = r - 2;
        // (Nor past a progressive's participle: "is considering new labels
        // that would warn".)
        let progressive = |k: usize| k > a && doc.low(k).ends_with("ing") && matches!(doc.low(k - 1), "is" | "are" | "was" | "were" | "be" | "been" | "'s" | "’s");
        while x > a && r - 1 - x < 6 && !matches!(doc.low(x), "a" | "an" | "the" | "this" | "these" | "those" | "his" | "her" | "their" | "its" | "our" | "my") && !is_punct(doc.w(x - 1)) && !is_clause_word(doc.low(x - 1)) && !has_verb_form(doc, x - 1) && !progressive(x - 1) {
            x -= 1;
        }
        return Some(((x, r), None));
    }
    // "Joyce — who is listed as an attorney in Illinois — told …", "Jason
    // Sims — a teacher from Mount Pleasant — says …": an aside between dashes
    // right before the cue; the subject is before it.
    // (A hyphen between spaces is a dash too: "- including … -".)
    let dash = |k: usize| matches!(doc.w(k), "—" | "–" | "--") || spaced_hyphen(doc, k);
    if end >= a + 3 && dash(end - 1) {
        if let Some(d1) = (a.max(end.saturating_sub(30))..end - 1).rev().find(|&k| dash(k)) {
            if d1 > a && d1 + 1 < end - 1 {
                if let Some(found) = subject(doc, a, d1) {
                    return Some(found);
                }
            }
        }
    }
    // "Advisers to a rival campaign (that would be Ohio Gov. John Kasich)
    // even suggest": a parenthesis right before the cue is an aside; the
    // subject is before it.
    if end >= a + 3 && doc.w(end - 1) == ")" {
        if let Some(p) = (a.max(end.saturating_sub(20))..end - 1).rev().find(|&k| doc.w(k) == "(") {
            // (A party label, "Rep. Ann Lee (D-Mass.)", stays with the name.)
            if p > a && end - 1 - p > 4 {
                if let Some(found) = subject(doc, a, p) {
                    return Some(found);
                }
            }
        }
    }
    // Clause boundaries: start after the last ; : — “ ” or "that" before the cue.
    // A short parenthesis after a word ("Rep. Ann Lee (D-Mass.)") is part of
    // the noun phrase, not a boundary.
    // "the deadline that state officials had warned would delay …": a cue
    // whose clause has no subject of its own (a modal right after it) has its
    // source after the relative "that", not before it.
    let object_relative = {
        let mut v = end;
        while v < doc.tokens.len() && (AUXILIARIES.contains(&doc.low(v)) || matches!(doc.low(v), "not" | "n't")) {
            v += 1;
        }
        matches!(doc.low(v + 1), "would" | "will" | "could" | "might" | "can" | "may" | "should")
    };
    let mut s = a;
    let mut k = a;
    // "Mr. Manafort, citing “the unique magic of Trump,” said …": a
    // quotation in an interrupting participle phrase is no clause boundary.
    let mut cited = false;
    let aside_closes = end >= a + 2 && (doc.w(end - 1) == "," || matches!(doc.w(end - 1), "”" | "\"") && doc.w(end - 2) == ",");
    while k < end {
        if k > a && !is_punct(doc.w(k - 1)) {
            if let Some(c) = short_parenthesis(doc, k, end) {
                k = c + 1;
                continue;
            }
        }
        if matches!(doc.w(k), "“" | "\"") && k >= a + 2 && doc.w(k - 2) == "," && doc.low(k - 1).ends_with("ing") && doc.w(k - 1).len() > 4 {
            cited = true;
            k += 1;
            continue;
        }
        if cited && matches!(doc.w(k), "”" | "\"") {
            cited = false;
            k += 1;
            continue;
        }
        // "Hundreds of the party's “superdelegates” have endorsed": a
        // quoted word or two inside the noun phrase, no comma in it.
        if matches!(doc.w(k), "“" | "\"") && k > s && !is_punct(doc.w(k - 1)) {
            // (`''…''` is read as `"'…'"`.)
            if let Some(c) = (k + 2..end.min(k + 6)).find(|&j| matches!(doc.w(j), "”" | "\"")) {
                if c - k <= 4 && (k + 1..c).all(|j| !is_punct(doc.w(j)) || doc.w(j) == "'") && (c + 1 == end || c + 1 < end && !is_punct(doc.w(c + 1))) {
                    k = c + 1;
                    continue;
                }
            }
        }
        // "Humphrey, who calls Trump a “sociopath,” said", "Sam Solovey, a
        // contestant on the show “The Apprentice,” said": a short quotation
        // inside an aside that closes with a comma right before the cue is
        // part of the aside, no clause boundary.
        if matches!(doc.w(k), "“" | "\"") && aside_closes && (a..k).any(|j| doc.w(j) == ",") {
            if let Some(c) = (k + 1..end.min(k + 10)).find(|&j| matches!(doc.w(j), "”" | "\"")) {
                k = c + 1;
                continue;
            }
        }
        // "the interview, in which he said", "where experts say": a relative
        // with words after it (and no comma: "which is …, said") opens the
        // cue's own clause.
        // ("Paul opposed it, while Sen. Susan Collins of Maine, the top
        // Republican on the committee, urged …": a clause after ", while"
        // with a subject of its own, not "while not denying the report".)
        // (A clause before it, not a leading adverb: "Still, while the
        // industry cannot …, experts say".)
        let while_clause = k >= a + 4
            && (doc.w(k - 1) == "," || matches!(doc.w(k - 1), "”" | "\"") && doc.w(k - 2) == ",")
            && matches!(doc.low(k), "while" | "whereas")
            && first_verb(doc, a, k - 1).is_some()
            && k + 1 < end
            && (doc.w(k + 1).starts_with(char::is_uppercase) || matches!(doc.low(k + 1), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "some" | "many" | "most" | "other" | "others" | "he" | "she" | "they" | "we" | "i" | "it"));
        if while_clause || matches!(doc.w(k), ";" | ":" | "—" | "–" | "--" | "“" | "”" | "\"" | "(" | ")") || k > a && spaced_hyphen(doc, k) || doc.low(k) == "that" && k + 1 < end && !(k > a && !is_punct(doc.w(k - 1)) && finite_past(doc, k + 1)) && !matches!(doc.low(k + 1), "time" | "day" | "week" | "year" | "month" | "moment" | "point" | "night" | "morning" | "era") && (object_relative && end - k <= 5 || complement_clause(doc, k, end) || !(k >= a + 2 && matches!(doc.low(k - 2), "the" | "a" | "an")) && !in_relative_aside(doc, a, k, end)) || matches!(doc.low(k), "which" | "whom" | "where" | "what") && k + 1 < end && (k + 1..end).all(|j| doc.w(j) != ",") {
            s = k + 1;
        }
        k += 1;
    }
    // Comma-separated chunks.
    let mut chunks: Vec<(usize, usize)> = Vec::new();
    let mut c = s;
    for k in s..end {
        if doc.w(k) == "," {
            if k > c {
                chunks.push((c, k));
            }
            c = k + 1;
        }
    }
    if end > c {
        chunks.push((c, end));
    }
    // "…, but an Israeli official, speaking on condition of anonymity to
    // discuss diplomatic matters, said": a participle aside before the cue
    // is no part of the subject.
    // (An aside may hold a comma of its own: "speaking to reporters in
    // Nantucket, Mass.,".)
    let participle = |(x, _): (usize, usize)| {
        let w = doc.low(x);
        doc.w(x).starts_with(char::is_lowercase) && (w.len() > 5 && w.ends_with("ing") || w == "asked") && !is_speech_verb(w)
    };
    let aside = if chunks.len() >= 2 && end > 0 && doc.w(end - 1) == "," && end < doc.tokens.len() && !doc.low(end).ends_with("ing") {
        (chunks.len().saturating_sub(3).max(1)..chunks.len()).rev().find(|&i| participle(chunks[i]))
    } else {
        None
    };
    let end = match aside {
        Some(i) => {
            chunks.truncate(i);
            chunks.last().map_or(end, |&(_, y)| y)
        }
        None => end,
    };
    let mut stance = None;
    // Interrupting clauses ("while not denying the report") go wherever they are;
    // leading adverbials ("In comments at a news conference Wednesday") only before the subject.
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut leading_place = false;
    let mut compared = false;
    for &(x, y) in &chunks {
        // "But many Democrats say": the conjunction is no adverbial.
        let cx = x;
        let mut x = x;
        while x + 1 < y && matches!(doc.low(x), "but" | "and" | "yet" | "so") {
            x += 1;
        }
        // "…, even though they disclosed": "even" before a subordinator.
        if doc.low(x) == "even" && x + 2 < y && SUBORDINATORS.contains(&doc.low(x + 1)) {
            x += 1;
        }
        let first = doc.low(x);
        let text = doc.span_text(x, y).to_lowercase();
        if text.contains("not denying") || text.contains("not deny") {
            stance = Some(Stance::NotDenied);
        }
        // "McConnell, now the majority leader, who in 2010 said": a relative
        // clause ending at the cue has the relative as its subject.
        if y == end && !kept.is_empty() && matches!(first, "who" | "which") && y - x <= 5 {
            return Some((antecedent_of_who(doc, a, x).unwrap_or((x, x + 1)), stance));
        }
        // "He proposed dropping it, but analysts agreed": a new clause after
        // the main one has its own subject.
        // (A longer one with no verb in it: "…, but several of the world's
        // largest emitters, including China, India and Russia, declined".)
        if y == end && !kept.is_empty() && x > cx && matches!(doc.low(cx), "but" | "yet") && (y - x <= 6 || y - x <= 12 && (x..y).all(|j| !has_verb_form(doc, j) && !is_quote_mark(doc.w(j)))) {
            return Some(((x, y), stance));
        }
        // "…, according to aides, and the governor signaled": so after "and"
        // when what came before is a clause, not a name ("Smith, a lawyer,
        // and Jones said").
        // ("…, and human rights groups warned": a clause before it has a
        // finite verb.)
        // ("…, and Solicitor General Elizabeth Prelogar said": a titled name
        // after a clause with a verb in the past.)
        let titled_name = y - x <= 6 && doc.w(x).starts_with(char::is_uppercase) && doc.w(y - 1).starts_with(char::is_uppercase);
        // ("…, and about 6 percent of his supporters said": a quantity opens
        // a new subject, not the last of a list of names.)
        let quantity = matches!(doc.low(x), "about" | "nearly" | "almost" | "roughly" | "more" | "most" | "many" | "some" | "half" | "few" | "several") || doc.w(x).starts_with(|c: char| c.is_ascii_digit());
        // (Not the last of a list, "labor unions, environmental groups, and
        // many Democratic lawmakers", nor an adverb, "and most recently".)
        let clause_before = kept.last().is_some_and(|&(kx, ky)| ky - kx >= 4);
        if y == end && x > cx && doc.low(cx) == "and" && quantity && clause_before && !doc.low(x + 1).ends_with("ly") && y - x <= 10 {
            return Some(((x, y), stance));
        }
        if y == end && x > cx && doc.low(cx) == "and" && (y - x <= 4 || titled_name) && kept.iter().any(|&(kx, ky)| ky - kx >= 5 && (matches!(doc.low(x), "the" | "a" | "an") || (kx..ky).any(|j| FINITE_AUXILIARIES.contains(&doc.low(j)) || finite_past(doc, j)))) {
            return Some(((x, y), stance));
        }
        // "…, two days after the City Council voted to …": a subordinate
        // clause inside the chunk that ends at the cue has its own subject.
        if y == end && !kept.is_empty() {
            // ("…, was emotional as she called for": "as" before a pronoun.)
            if let Some(k) = (x + 1..y.saturating_sub(1)).rev().find(|&k| matches!(doc.low(k), "after" | "before" | "because" | "when" | "since" | "until" | "while" | "unless" | "once") || doc.low(k) == "as" && k + 2 == y && PRONOUN_SUBJECTS.contains(&doc.low(k + 1))) {
                if y - k - 1 <= 6 {
                    return Some(((k + 1, y), stance));
                }
            }
        }
        // "Late Wednesday, the chief executive acknowledged": a short
        // leading phrase that ends in a day.
        if kept.is_empty() && y < end && y - x <= 3 && is_time_word(doc.low(y - 1)) {
            continue;
        }
        // "Thursday at the Coalition's conference in Washington, D.C.,
        // Republican presidential candidate X said": a leading phrase of
        // time and place, with the short capitalised pieces of its place
        // ("D.C.") and a party label after it.
        if kept.is_empty() && y < end && is_time_word(&first) && matches!(doc.low(x + 1), "at" | "in" | "on" | "during" | "night" | "morning" | "afternoon" | "evening") {
            leading_place = true;
            continue;
        }
        // (A place's piece is an abbreviation or comes before more of the
        // leading phrase: "in Green Bay, Wis., …", "in Salem, Oregon, on
        // Monday, …"; not "At one point on Sunday, Trump, who …, tweeted".)
        let piece = doc.w(y - 1).ends_with('.') || y + 1 < end && (matches!(doc.low(y + 1), "on" | "in" | "at" | "during") || is_time_word(doc.low(y + 1)));
        if leading_place && kept.is_empty() && y < end && (y - x <= 2 && piece && (x..y).all(|k| doc.w(k).starts_with(char::is_uppercase)) || y - x <= 4 && matches!(first, "on" | "in" | "at" | "during")) {
            continue;
        }
        // "At a rally in Portsmouth, N.H., on Tuesday, Senator Sanders
        // said": a leading phrase of place, the pieces of its place and its
        // time after it.
        if kept.is_empty() && y < end && x == cx && matches!(first, "at" | "in" | "on" | "during" | "from" | "near" | "inside" | "outside") && doc.w(x).starts_with(char::is_uppercase) {
            leading_place = true;
            continue;
        }
        // "Even so, three-quarters of the voters said", "So far, only a
        // few delegates have", "Around that time, 47 percent said": a
        // leading connective or phrase of time.
        if kept.is_empty() && y < end && y - cx <= 5 && {
            let lead = doc.span_text(cx, y).to_lowercase();
            LEADING_PHRASES.iter().any(|p| lead.starts_with(p))
        } {
            // ("More than health care, race or the economy, Mr. Obama
            // believes": the rest of a list after it too.)
            compared = matches!(first, "more" | "rather" | "less" | "unlike");
            continue;
        }
        if compared && kept.is_empty() && y < end && y - x <= 5 && (x..y).any(|k| matches!(doc.low(k), "or" | "and")) {
            continue;
        }
        // "More recently, federal prosecutors charged": a short leading
        // phrase that ends in an adverb ("But back then, …").
        if kept.is_empty() && y < end && (y - x <= 3 && is_manner_adverb(doc.low(y - 1)) || y - x <= 5 && matches!(doc.low(y - 1), "then" | "ago")) {
            continue;
        }
        // "Bemoaning the “phony system,” Trump accused": a leading participle phrase.
        // ("Chastened by the analyses, Trump revised …": a past participle
        // with its agent, too.)
        if kept.is_empty() && y < end && (first.len() > 5 && first.ends_with("ing") || (first.len() > 5 && first.ends_with("ed") || matches!(first, "stung" | "shaken" | "driven" | "given" | "taken" | "struck" | "caught" | "beaten" | "hit" | "led" | "held")) && doc.low(x + 1) == "by") && doc.w(x).chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        // ("In the memo, sent to employees on Tuesday, the chief executive,
        // Aaron Feld, wrote …": a participle after a leading phrase
        // qualifies that phrase.)
        if kept.is_empty() && y < end && cx > s && doc.w(x).starts_with(char::is_lowercase) && (first.len() > 4 && first.ends_with("ed") || matches!(first, "sent" | "written" | "given" | "taken" | "made" | "seen" | "shown" | "put" | "read")) {
            continue;
        }
        let interrupting = matches!(first, "while" | "although" | "though" | "when" | "as" | "who" | "which" | "citing" | "speaking" | "according" | "responding" | "asked" | "writing");
        // "When Clinton noted that …": the cue is the subordinate clause's
        // own verb, so its subject is inside the clause.
        if y == end && (kept.is_empty() || cx > s && doc.w(cx - 1) == ",") && SUBORDINATORS.contains(&first) && y - x >= 2 && y - x <= 10 {
            // "Top lawmakers met on Friday, as they bristled at …": so also
            // after a main clause.
            if !kept.is_empty() {
                return Some(((x + 1, y), stance));
            }
            kept.push((x + 1, y));
            continue;
        }
        // "You know, I said …": a filler, as "rather" and the words above.
        let leading = LEADING.contains(&first) && !(first == "at" && matches!(doc.low(x + 1), "least" | "most")) || first == "you" && doc.low(x + 1) == "know" && y == x + 2;
        // "In a televised interview Trump declared": a leading adverbial
        // without its comma ends in the name right before the cue.
        if leading && !interrupting && kept.is_empty() && y == end {
            if let Some(np) = trailing_name(doc, x + 1, y) {
                kept.push(np);
                continue;
            }
        }
        // "Now the government hopes", "Now Sembler, who …, has agreed": an
        // adverb of time or connection with no comma of its own, then the
        // subject.
        if leading && !interrupting && kept.is_empty() && y > x + 1 && SUBJECT_ADVERBS.contains(&first) && !is_punct(doc.w(x + 1)) && !matches!(doc.low(x + 1), "that" | "of" | "to" | "on" | "in" | "at") {
            kept.push((x + 1, y));
            continue;
        }
        // "This group recognizes that …", "Outside experts also say …",
        // "This week the mayor said …": a word that may lead an adverbial
        // opens the subject itself when no comma follows its phrase (a
        // leading time phrase left out).
        // ("This document, now available online, methodically exposed …":
        // a demonstrative with its noun before a comma, too.)
        let demonstrative_np = matches!(first, "this" | "these") && y > x + 1 && y < end && doc.w(x + 1).starts_with(char::is_lowercase) && !is_time_word(doc.low(x + 1)) && !matches!(doc.low(x + 1), "week" | "month" | "year" | "morning" | "afternoon" | "evening" | "night" | "time" | "summer" | "spring" | "fall" | "winter" | "weekend" | "is" | "was" | "means" | "comes");
        if leading && !interrupting && kept.is_empty() && (y == end || demonstrative_np) && matches!(first, "this" | "these" | "outside" | "inside" | "last" | "first" | "second" | "third") {
            let time = matches!(doc.low(x + 1), "week" | "month" | "year" | "morning" | "afternoon" | "evening" | "night" | "time" | "summer" | "spring" | "fall" | "winter" | "weekend") || is_time_word(doc.low(x + 1));
            let x1 = if time { x + 2 } else { x };
            if x1 < y {
                kept.push((x1, y));
                continue;
            }
        }
        if interrupting || leading && kept.is_empty() {
            continue;
        }
        kept.push((x, y));
    }
    // "Though he’s heralded plans to …, a tax loophole …, as evidence of
    // …, experts say …": a subordinate clause opening the sentence runs
    // over its commas; the short noun phrase before the cue is the main
    // clause's subject.
    if let (Some(&(fx, fy)), Some(&(lx, ly))) = (chunks.first(), kept.last()) {
        // ("Rattling off promises to lower debt, reform …, Clinton
        // promised": so a leading participle phrase.)
        let participle = doc.w(fx).starts_with(char::is_uppercase) && doc.low(fx).len() > 5 && doc.low(fx).ends_with("ing");
        let opens = fx == a && (participle || matches!(doc.low(fx), "though" | "although" | "while" | "because" | "if" | "since" | "when" | "as" | "after" | "before"));
        if opens && ly == end && lx > fx + 1 && ly - lx <= 3 && (participle || first_verb(doc, fx, fy).is_some()) && !SUBORDINATORS.contains(&doc.low(lx)) && doc.w(lx).chars().next().is_some_and(char::is_alphabetic) {
            return Some(((lx, ly), stance));
        }
    }
    let chunks = kept;
    // "Even Friday, he claimed", "The difference now, he told me": a pronoun
    // alone right before the cue is its subject, whatever comes before it.
    // ("…, each touting their own record": so "each" and "both".)
    if let Some(&(x, y)) = chunks.last().filter(|&&(x, y)| chunks.len() > 1 && y == end && y == x + 1 && (PRONOUN_SUBJECTS.contains(&doc.low(x)) || matches!(doc.low(x), "each" | "both"))) {
        return Some(((x, y), stance));
    }
    // "…, as evidence of his resolve, experts say.": a short noun phrase
    // between the last comma and a cue that ends the sentence is the source
    // of the content before it.
    if let Some(&(x, y)) = chunks.last().filter(|&&(x, y)| chunks.len() > 1 && y == end && y - x <= 6 && doc.sentence_end(end) <= end + 3) {
        if doc.w(x).chars().next().is_some_and(char::is_alphabetic) && !SUBORDINATORS.contains(&doc.low(x)) {
            return Some(((x, y), stance));
        }
    }
    let (&(x0, y0), rest) = chunks.split_first()?;
    let (x, mut y) = (x0, y0);
    // "Voters in Arizona, Georgia, Michigan, Nevada and Pennsylvania said":
    // a list of names runs to the cue.
    let list = rest.last().is_some_and(|&(lx, ly)| ly == end && (lx..ly).any(|k| matches!(doc.low(k), "and" | "or")))
        && rest.iter().all(|&(cx, cy)| cy - cx <= 4 && (cx..cy).all(|k| doc.w(k).starts_with(char::is_uppercase) || matches!(doc.low(k), "and" | "or")));
    if list {
        y = end;
    }
    // An appositive right after the name belongs to the source: "Josh Earnest, the White House press secretary".
    if let Some(&(x1, y1)) = rest.first().filter(|_| !list) {
        let f = doc.low(x1);
        let report_in = doc.low(x) == "the" && DOCUMENT_HEADS.contains(&doc.low(y0 - 1)) && matches!(f, "in" | "by" | "from");
        // ("Melinda Person, president of the teachers union, called": a
        // role without its article after a name, too.)
        let role = bare_role(doc, x1) && doc.w(x).starts_with(char::is_uppercase) && y1 - x1 <= 12;
        if matches!(f, "the" | "a" | "an") || report_in || role || doc.w(x1).chars().next().is_some_and(char::is_uppercase) && y1 - x1 <= 6 {
            y = y1;
        }
    }
    // Strip a leading conjunction.
    let mut x = x;
    while x < y && matches!(doc.low(x), "but" | "and" | "yet" | "so" | "still" | "also") {
        x += 1;
    }
    // "dropped the idea after engineers warned": a subordinate clause that
    // opens inside the chunk has the cue's subject.
    if y == end {
        if let Some(k) = (x + 1..y.saturating_sub(1)).rev().find(|&k| matches!(doc.low(k), "after" | "before" | "because" | "when" | "since" | "until" | "while" | "unless" | "once" | "although" | "though")) {
            x = k + 1;
        }
    }
    if x >= y || y - x > 16 {
        // "Wendell Pryce, a Democrat whose votes Treadwell may need if …,
        // could not be reached": a long appositive leaves the name.
        if y > y0 && x < y0 && y0 - x <= 8 {
            return Some(((x, y0), stance));
        }
        // Too long to be a subject: take the noun phrase right before the cue.
        let from = end.saturating_sub(4).max(a);
        return Some(((from, end), stance));
    }
    Some(((x, y), stance))
}

/// An adverb that may stand between a relative pronoun and its verb ("which
/// together vowed", "who later said").
fn is_relative_adverb(w: &str) -> bool {
    is_manner_adverb(w) || matches!(w, "together" | "also" | "later" | "then" | "once" | "jointly" | "repeatedly" | "previously" | "long" | "often")
}

/// Personal pronouns that can be a cue's subject.
const PRONOUN_SUBJECTS: &[&str] = &["he", "she", "they", "we", "i"];

/// Is token `k` inside a relative clause set off by commas before `end`
/// ("Mr. Obama, who understood that …, told"; "X, the firm that …, said")?
fn in_relative_aside(doc: &Doc, a: usize, k: usize, end: usize) -> bool {
    // "Fallow Creek Capital, the firm that owns a stake in it, did not
    // return messages": an appositive's relative "that" too.
    let opened = (a..k).rev().find(|&j| doc.w(j) == ",").is_some_and(|j| matches!(doc.low(j + 1), "who" | "which") || matches!(doc.low(j + 1), "the" | "a" | "an") && k - j <= 7 && (j + 1..k).all(|t| !is_punct(doc.w(t))));
    opened && (k + 1..end).any(|j| doc.w(j) == ",")
}

/// Conjunctions that open a subordinate clause ("When Marlow noted …").
const SUBORDINATORS: &[&str] = &["while", "although", "though", "when", "as", "after", "before", "because", "since", "if"];

/// Does the cue hold a form of "be" (a passive: "was criticized", "has been charged")?
fn has_be(doc: &Doc, (cs, ce): (usize, usize)) -> bool {
    (cs..ce).any(|k| matches!(doc.low(k), "was" | "were" | "been" | "is" | "are" | "be" | "being"))
}

/// A short parenthesis opening at token `k` ("(D-Minn.)"): its closing
/// token, within seven tokens and before `limit`.
fn short_parenthesis(doc: &Doc, k: usize, limit: usize) -> Option<usize> {
    (doc.w(k) == "(").then(|| (k + 1..(k + 8).min(limit)).find(|&c| doc.w(c) == ")")).flatten()
}

/// Where a source after its cue ends ("…,” said Rep. Ann Lee (D-N.Y.), who …"):
/// the first comma, full stop or semicolon from `from`, a short parenthesis
/// after a word read through.
fn source_end(doc: &Doc, from: usize, b: usize) -> usize {
    let mut k = from;
    while k < b {
        if k > from {
            if let Some(c) = short_parenthesis(doc, k, b) {
                k = c + 1;
                continue;
            }
        }
        if matches!(doc.w(k), "," | "." | ";") {
            return k;
        }
        // "said Dick Durbin (D-Ill.) in an interview", "said Earnest at the
        // briefing", "said Smith on Monday": an adjunct after the name.
        // (Only after a name: "said Clinton reached out to McConnell on Burma
        // during her first year" is a clause.)
        let name_only = || {
            let mut depth = 0i32;
            (from..k).all(|j| {
                let w = doc.w(j);
                depth += i32::from(w == "(") - i32::from(w == ")");
                depth > 0 || w == ")" || w.starts_with(char::is_uppercase) || matches!(w, "." | "-" | "of")
            })
        };
        if k > from && (doc.w(k - 1).starts_with(char::is_uppercase) || doc.w(k - 1) == ")") && name_only() {
            let next = doc.low(k + 1);
            let adjunct = matches!(doc.low(k), "in" | "on" | "during" | "at" | "after" | "before") && (matches!(next, "a" | "an" | "the" | "his" | "her" | "their" | "its") || is_time_word(next)) || doc.w(k).starts_with(char::is_uppercase) && is_time_word(doc.low(k));
            if adjunct {
                return k;
            }
        }
        k += 1;
    }
    b
}

/// Does a role without its article start at `k` ("said Joan Baxter,
/// executive director of the Center for Auto Safety")?
fn bare_role(doc: &Doc, k: usize) -> bool {
    doc.w(k).starts_with(char::is_lowercase)
        && (dossier_language::entities::ROLE_HEADS.contains(&doc.low(k)) || matches!(doc.low(k), "executive" | "chief" | "senior" | "deputy" | "vice" | "former" | "managing" | "assistant" | "associate" | "general"))
}

/// "…,” said Kira Lundgren, a spokeswoman for the attorney general.": the
/// end of the appositive after the comma at `end` that closes a source after
/// its cue (a noun phrase opened by a determiner or a possessive, or a role
/// without its article, up to the sentence's end or the next comma, with no
/// verb of its own; not a time
/// phrase such as "the day after the vote"), else `end`.
fn appositive_end(doc: &Doc, end: usize, b: usize) -> usize {
    if end + 1 >= b || doc.w(end) != "," {
        return end;
    }
    // "said the company's chief executive, John J. Ferriola.": a name (capitalised
    // words and initials) up to the sentence's end.
    let name_end = (end + 1..b).find(|&k| !(doc.w(k).starts_with(char::is_uppercase) || doc.w(k) == "." && doc.w(k - 1).chars().count() <= 2 && k + 1 < b && !is_punct(doc.w(k + 1))));
    // ("said the union's president, Regina Fuller, at a news conference":
    // or up to a comma and an adjunct of place or time.)
    let adjunct_after = |k: usize| k + 1 < b && doc.w(k) == "," && (matches!(doc.low(k + 1), "at" | "in" | "on" | "during" | "after" | "before" | "outside" | "inside") || is_time_word(doc.low(k + 1)));
    if let Some(stop) = name_end.filter(|&k| k > end + 1 && k - end <= 6 && doc.w(end + 1).starts_with(char::is_uppercase) && ((k..b).all(|j| is_punct(doc.w(j))) || adjunct_after(k))) {
        return stop;
    }
    // ("said Dr. Alan Whitcomb, Harbor Health's chief executive": a named
    // possessor opens it too.)
    let named_possessor = (end + 2..(end + 6).min(b)).find(|&k| matches!(doc.w(k), "’s" | "'s")).is_some_and(|p| (end + 1..p).all(|k| doc.w(k).starts_with(char::is_uppercase)) && p + 1 < b && bare_role(doc, p + 1));
    if end + 2 >= b || !matches!(doc.low(end + 1), "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our") && !bare_role(doc, end + 1) && !named_possessor {
        return end;
    }
    if is_time_word(doc.low(end + 2)) || matches!(doc.low(end + 2), "day" | "week" | "month" | "year" | "morning" | "evening" | "night" | "same" | "next" | "following") {
        return end;
    }
    let stop = (end + 1..b).find(|&k| matches!(doc.w(k), "," | "." | ";" | ":") || is_quote_mark(doc.w(k))).unwrap_or(b);
    let clause = (end + 1..stop).any(|k| FINITE_AUXILIARIES.contains(&doc.low(k)) || doc.low(k) == "that");
    if stop - end > 16 || clause || stop < b && doc.w(stop) != "." && doc.w(stop) != "," {
        return end;
    }
    stop
}

/// The capitalised name (or a personal pronoun) that ends the range `[a, end)`
/// right before a cue, after lower-case words: "Trump" in "In a televised
/// interview Trump". `None` when the range does not end so.
fn trailing_name(doc: &Doc, a: usize, end: usize) -> Option<(usize, usize)> {
    if end <= a {
        return None;
    }
    if matches!(doc.low(end - 1), "he" | "she" | "they" | "we" | "i") {
        return Some((end - 1, end));
    }
    let capital = |k: usize| doc.w(k).chars().next().is_some_and(char::is_uppercase) || matches!(doc.w(k), "." | "-" | "'s" | "’s");
    let mut s = end;
    while s > a && capital(s - 1) && end - s < 5 {
        s -= 1;
    }
    // Lower-case words must come before the name: a range that is all
    // capitals is a title or a name already, not an adverbial.
    (s < end && s > a && doc.w(s).chars().next().is_some_and(char::is_uppercase) && !doc.w(s - 1).chars().next().is_some_and(char::is_uppercase)).then_some((s, end))
}

/// "who" as a subject: the noun phrase it refers to ("presidential aides, who").
/// Does token `k` open an appositive after a name: an article, or a party
/// label ("Elizabeth Warren, Democrat of Massachusetts, who …")?
fn opens_appositive(doc: &Doc, k: usize) -> bool {
    matches!(doc.low(k), "a" | "an" | "the") || matches!(doc.w(k), "Democrat" | "Republican" | "Independent")
}

fn antecedent_of_who(doc: &Doc, a: usize, who: usize) -> Option<(usize, usize)> {
    if who == 0 || doc.w(who - 1) != "," {
        return None;
    }
    antecedent_ending(doc, a, who - 1)
}

/// The noun phrase ending at token `end` (exclusive) that a relative after
/// it stands for, or the name it is in apposition with.
fn antecedent_ending(doc: &Doc, a: usize, end: usize) -> Option<(usize, usize)> {
    antecedent_phrase(doc, a, end).map(|(_, span)| span)
}

/// The name a relative without a comma before it stands for, when the noun
/// phrase before it is that name's appositive ("Ed Pierson, a former Boeing
/// manager who …"); `None` otherwise (a relative restricting its noun
/// names no one: "people who …").
fn antecedent_name_of_restrictive(doc: &Doc, a: usize, who: usize) -> Option<(usize, usize)> {
    match antecedent_phrase(doc, a, who) {
        Some((true, span)) => Some(span),
        _ => None,
    }
}

/// What the relative at token `who` stands for: the phrase before its
/// comma, or without a comma the name whose appositive it follows.
fn relative_antecedent(doc: &Doc, a: usize, who: usize) -> Option<(usize, usize)> {
    antecedent_of_who(doc, a, who).or_else(|| (who > a + 1 && doc.w(who - 1) != ",").then(|| antecedent_name_of_restrictive(doc, a, who)).flatten())
}

/// [`antecedent_ending`], with whether it is the name of an appositive.
fn antecedent_phrase(doc: &Doc, a: usize, end: usize) -> Option<(bool, (usize, usize))> {
    let mut s = end;
    while s > a && !is_punct(doc.w(s - 1)) && !matches!(doc.low(s - 1), "to" | "by" | "that" | "said" | "says") && end - s < 6 {
        s -= 1;
    }
    // "Fallow Creek Capital, a private equity firm in Northbank, which did
    // not respond": an appositive's relative stands for the name before it.
    if s > a + 1 && doc.w(s - 1) == "," && opens_appositive(doc, s) && doc.w(s - 2).starts_with(char::is_uppercase) {
        let name_end = s - 1;
        let mut n = name_end - 1;
        while n > a && (doc.w(n - 1).starts_with(char::is_uppercase) || matches!(doc.low(n - 1), "of" | "&")) && !is_punct(doc.w(n - 1)) {
            n -= 1;
        }
        while n < name_end && !doc.w(n).starts_with(char::is_uppercase) {
            n += 1;
        }
        if n < name_end {
            return Some((true, (n, name_end)));
        }
    }
    (s < end).then_some((false, (s, end)))
}

/// `SOURCE declined to comment (on TOPIC)` and its kin.
fn no_comment(doc: &Doc, a: usize, b: usize, i: usize) -> Option<(Attribution, usize)> {
    let w = doc.low(i);
    let next = |k: usize| doc.low(i + k);
    // The first token after the cue word and its adverbs ("did not immediately respond").
    let after_adverbs = (i + 1..b).find(|&k| !(is_manner_adverb(doc.w(k)) || matches!(doc.low(k), "immediately" | "yet" | "publicly"))).unwrap_or(b);
    let comment_words = ["comment", "elaborate", "discuss", "confirm", "say", "answer", "respond", "speak", "name", "identify", "disclose", "reveal", "specify", "detail"];
    // ("declined to provide details", "refused to give a reason": what is
    // withheld is information.)
    let information = matches!(next(2), "provide" | "give" | "offer" | "share")
        && (i + 3..(i + 6).min(b)).any(|k| matches!(doc.low(k), "details" | "detail" | "information" | "specifics" | "reason" | "explanation" | "figures" | "numbers" | "timeline" | "comment" | "names"));
    let cue_end = if matches!(w, "declined" | "refused" | "declines" | "refuses" | "decline") && next(1) == "to" && (comment_words.contains(&next(2)) || information) {
        i + 3
    } else if matches!(w, "declined" | "declines") && next(1) == "comment" {
        i + 2
    } else if matches!(w, "respond" | "reply" | "responded" | "replied" | "commented" | "comment")
        && (i.saturating_sub(3)..i).any(|k| matches!(doc.low(k), "not" | "n't" | "never"))
        && (after_adverbs >= b || matches!(doc.w(after_adverbs), "." | ",") || matches!(doc.low(after_adverbs), "on" | "about"))
    {
        // "did not immediately respond.", "has not commented publicly on the breach"
        after_adverbs
    } else if (matches!(w, "respond" | "reply" | "return") || matches!(w, "responded" | "replied" | "returned") && matches!(doc.low(a), "neither" | "nobody" | "none")) && (i..(i + 8).min(b)).any(|k| matches!(doc.low(k), "comment" | "calls" | "emails" | "messages" | "inquiries" | "requests" | "questions" | "queries")) && ((i.saturating_sub(3)..i).any(|k| matches!(doc.low(k), "not" | "n't" | "never")) || matches!(doc.low(a), "neither" | "nobody" | "none")) {
        (i..(i + 8).min(b)).find(|&k| matches!(doc.low(k), "comment" | "calls" | "emails" | "messages" | "inquiries" | "requests" | "questions" | "queries")).map_or(i + 1, |k| k + 1)
    } else if w == "reached" && i >= 2 && doc.low(i - 1) == "be" && matches!(doc.low(i - 2), "not" | "n't") {
        if next(1) == "for" && next(2) == "comment" { i + 3 } else { i + 1 }
    } else if matches!(w, "referred" | "refers" | "referring") && matches!(next(1), "questions" | "inquiries" | "requests" | "calls" | "reporters") && next(2) == "to" {
        // "a spokesman referred questions to the Justice Department"
        i + 3
    } else if w == "neither" && next(1) == "confirm" && next(2) == "nor" && next(3) == "deny" {
        // "would neither confirm nor deny the report"
        i + 4
    } else if matches!(w, "confirm" | "comment" | "say") && i >= 2 && matches!(doc.low(i - 1), "not" | "n't") && matches!(doc.low(i - 2), "would" | "could" | "did" | "wo" | "does") {
        i + 1
    } else if let Some((k, end)) = (i == a).then(|| (a + 2..b).find_map(|k| unanswered(doc, a, b, k).map(|e| (k, e)))).flatten() {
        // "Messages left with the company were not returned.", "Efforts to
        // reach the family were unsuccessful.": the one not reached is the
        // source, inside the subject.
        let (cs, reached) = end;
        let (x, y) = trim(doc, reached.0, reached.1);
        let att = Attribution {
            kind: Kind::NoComment,
            source: (x < y).then_some((x, y)),
            source_entity: None,
            source_type: SourceType::Person,
            cue: Some((cs, k + 1)),
            content: None,
            parts: Vec::new(),
            stance: Some(Stance::Declined),
        };
        return Some((att, b));
    } else if matches!(w, "said" | "disclosed" | "specified") && i >= 2 && matches!(doc.low(i - 1), "not" | "n't") && matches!(doc.low(i - 2), "has" | "have" | "had" | "ha") && matches!(next(1), "how" | "whether" | "when" | "what" | "why" | "who" | "which" | "where" | "if") {
        // "Officials have not said how many people were evacuated", as "did
        // not say how …".
        i + 1
    } else {
        return None;
    };
    // "could not be reached": the cue starts at the auxiliaries before "be".
    let cs = cue_start(doc, a, if w == "reached" { i - 1 } else { i });
    let (source, stance) = subject(doc, a, cs).map_or((None, None), |(s, st)| (Some(s), st));
    // The topic: "on a news report that …" up to the sentence's end, or up
    // to the source's next verb of saying ("declined to comment on the
    // audit but said the city would cooperate": that is an attribution of
    // its own, found from there).
    let b = (cue_end + 1..b)
        .find(|&k| matches!(doc.low(k), "but" | "and") && (k + 1..(k + 3).min(b)).find(|&j| !matches!(doc.low(j), "also" | "later" | "then")).is_some_and(|j| is_speech_verb(doc.low(j)) && !doc.low(j).ends_with("ing")))
        .unwrap_or(b);
    let mut content = None;
    // "declined to respond to questions about her plan", "did not respond
    // to requests for comment on the plan": the topic follows the questions.
    let asked = |k: usize| matches!(doc.low(k), "questions" | "requests" | "inquiries" | "queries" | "emails" | "calls" | "messages");
    let about = |k: usize| matches!(doc.low(k), "on" | "about" | "regarding");
    let topic_at = if cue_end + 2 < b && doc.low(cue_end) == "to" && asked(cue_end + 1) && about(cue_end + 2) {
        Some(cue_end + 2)
    } else if cue_end + 1 < b && asked(cue_end) && about(cue_end + 1) {
        Some(cue_end + 1)
    } else if cue_end + 2 < b && doc.low(cue_end) == "for" && doc.low(cue_end + 1) == "comment" && about(cue_end + 2) {
        Some(cue_end + 2)
    } else {
        None
    };
    // ("declined to comment on Thursday": a day is no topic.)
    if let Some(k) = topic_at.filter(|&k| !is_time_word(doc.low(k + 1))) {
        let (x, y) = trim(doc, k + 1, b);
        content = chars(doc, x, y);
    } else if cue_end < b && matches!(doc.low(cue_end), "on" | "about") && !is_time_word(doc.low(cue_end + 1)) {
        let (x, y) = trim(doc, cue_end + 1, b);
        content = chars(doc, x, y);
    } else if cue_end + 1 < b && matches!(doc.low(cue_end - 1), "say" | "said" | "discuss" | "confirm" | "deny" | "name" | "identify" | "disclose" | "disclosed" | "reveal" | "specify" | "specified" | "detail" | "answer" | "provide" | "give" | "offer" | "share") && !matches!(doc.w(cue_end), "," | "." | ";") && !is_time_word(doc.low(cue_end)) {
        // "declined to say whether she would run", "declined to name the
        // group's donors": what was withheld, up to a comma.
        let end = (cue_end..b).find(|&k| matches!(doc.w(k), "," | ";")).unwrap_or(b);
        let (x, y) = trim(doc, cue_end, end);
        content = chars(doc, x, y);
    }
    // A bare refusal: what was refused is the content, as PolNeAR marks it
    // ("declined | to comment", "declined | comment", "did not respond to |
    // a request for comment", "did not return | calls seeking comment").
    let mut cue_end = cue_end.min(b);
    if content.is_none() {
        if let Some((refused, end)) = refused_act(doc, w, i, after_adverbs, cue_end, b) {
            content = chars(doc, refused, end);
            cue_end = refused;
        }
    }
    let att = Attribution {
        kind: Kind::NoComment,
        source,
        source_entity: None,
        source_type: SourceType::Person,
        cue: Some((cs, cue_end)),
        content,
        parts: Vec::new(),
        stance: stance.or(Some(Stance::Declined)),
    };
    Some((att, b))
}

/// "Messages left with the company were not returned", "Calls to his
/// lawyer went unanswered", "Efforts to reach the family were
/// unsuccessful": at the cue word `i` (ending the sentence `a..b`), the
/// cue's first token and the tokens of whoever was not reached (after
/// "with", "for", "to" or "reach"/"contact" in the subject), else `None`.
fn unanswered(doc: &Doc, a: usize, b: usize, i: usize) -> Option<(usize, (usize, usize))> {
    let w = doc.low(i);
    let rest_empty = (i + 1..b).all(|k| is_punct(doc.w(k)) || is_time_word(doc.low(k)) || matches!(doc.low(k), "on" | "last" | "this" | "week" | "month" | "night" | "morning" | "afternoon" | "evening"));
    let cs = if matches!(w, "returned" | "answered") && i >= a + 3 && matches!(doc.low(i - 1), "not") && matches!(doc.low(i - 2), "were" | "was" | "have" | "has" | "had") {
        i - 2
    } else if matches!(w, "unanswered" | "unreturned") && i >= a + 3 && matches!(doc.low(i - 1), "went" | "were" | "was" | "have" | "has" | "remain" | "remained") {
        i - 1
    } else if matches!(w, "unsuccessful" | "failed") && i >= a + 3 && (w == "failed" || matches!(doc.low(i - 1), "were" | "was")) {
        if w == "failed" { i } else { i - 1 }
    } else {
        return None;
    };
    if !rest_empty || !matches!(doc.low(a), "messages" | "calls" | "emails" | "requests" | "efforts" | "attempts" | "phone" | "repeated" | "a" | "an" | "several" | "multiple") {
        return None;
    }
    // Who was not reached: after "reach"/"contact" or "with"/"for"/"to".
    // ("Calls for his resignation went unanswered": "for" after a message
    // only, not after calls, which may be demands.)
    let from = (a + 1..cs).find(|&k| {
        let w = doc.low(k);
        (matches!(w, "reach" | "contact" | "with" | "to") || w == "for" && matches!(doc.low(k - 1), "messages" | "message" | "emails" | "email" | "requests" | "request" | "left") || w == "from" && doc.low(k - 1) == "comment")
            && !matches!(doc.low(k + 1), "reach" | "contact" | "comment")
    })? + 1;
    let from = if matches!(doc.low(from), "reach" | "contact") { from + 1 } else { from };
    // (The subject must be about reaching someone.)
    if !(a..cs).any(|k| matches!(doc.low(k), "messages" | "message" | "calls" | "call" | "emails" | "email" | "requests" | "request" | "efforts" | "attempts" | "reach" | "contact")) || from >= cs {
        return None;
    }
    let end = (from..cs).find(|&k| matches!(doc.w(k), "," | ";") || matches!(doc.low(k), "seeking" | "on" | "about" | "by")).unwrap_or(cs);
    (end > from).then_some((cs, (from, end)))
}

/// The refused act of a bare refusal whose cue word is `w` at `i` and whose
/// cue (as found) ends at `cue_end`: the tokens `(start, end)` of "to
/// comment" after "declined", "comment" after "declined", the requests after
/// "did not respond to" (with their "for comment"), else `None` ("could not be
/// reached", "did not immediately respond." refuse no stated act).
fn refused_act(doc: &Doc, w: &str, i: usize, after_adverbs: usize, cue_end: usize, b: usize) -> Option<(usize, usize)> {
    if matches!(w, "declined" | "refused" | "declines" | "refuses" | "decline") {
        // "declined to comment", "declined comment" (not "declined to say
        // when", whose withheld words are already the content).
        let bare = cue_end == i + 3 && doc.low(i + 1) == "to" && doc.low(i + 2) == "comment" || cue_end == i + 2 && doc.low(i + 1) == "comment";
        return bare.then(|| (i + 1, clause_end(doc, cue_end, b)));
    }
    if !matches!(w, "respond" | "reply" | "return" | "responded" | "replied" | "returned") || cue_end <= after_adverbs {
        return None;
    }
    let start = if doc.low(after_adverbs) == "to" { after_adverbs + 1 } else { after_adverbs };
    // "a request for comment", "requests to comment on the subject"
    Some((start, clause_end(doc, cue_end, b)))
}

/// The end of the clause from `k`: the first comma, semicolon, dash or
/// full stop before `b`, else `b` (for a refused act: "to comment for this
/// article", "requests for clarification").
fn clause_end(doc: &Doc, k: usize, b: usize) -> usize {
    // A day is no part of it ("declined to comment on Thursday").
    let day = |j: usize| is_time_word(doc.low(j)) || matches!(doc.low(j), "on" | "late" | "early") && j + 1 < b && is_time_word(doc.low(j + 1));
    let end = (k..b).find(|&j| matches!(doc.w(j), "," | ";" | "." | "—" | "–" | "(") || day(j)).unwrap_or(b);
    trim(doc, k, end).1.max(k)
}

/// `CONTENT, according to SOURCE` and `According to SOURCE, CONTENT`.
fn according_to(doc: &Doc, a: usize, b: usize, i: usize) -> Option<(Attribution, usize)> {
    if doc.low(i) != "according" || doc.low(i + 1) != "to" {
        return None;
    }
    // The source runs to the next comma (or the sentence's end), and over
    // a name's appositive after it ("according to Dennis Ross, another
    // former special envoy, was …", "…, according to John Smith, a
    // spokesman for the city.").
    let mut src_end = (i + 2..b).find(|&k| matches!(doc.w(k), "," | "." | ";" | "—")).unwrap_or(b);
    if let Some(end) = appositive_after(doc, i + 2, src_end, b) {
        src_end = end;
    } else if let Some(end) = name_after_description(doc, i + 2, src_end, b) {
        src_end = end;
    }
    let source = (i + 2 < src_end).then_some((i + 2, src_end));
    // "In addition, according to the department, …", "But, according to
    // the poll, …": a short leading adverbial before it, too.
    let adverbial = i > a + 1 && i - a <= 5 && doc.w(i - 1) == "," && {
        let first = doc.low(a);
        (i - a == 2 || LEADING.contains(&first) || first.ends_with("ly") || (a..i - 1).any(|k| is_time_word(doc.low(k))))
            // (Not a clause: "Negotiations stalled on Friday, according to
            // three officials.")
            && (a..i - 1).all(|k| !FINITE_AUXILIARIES.contains(&doc.low(k)) && !finite_past(doc, k) && !is_punct(doc.w(k)))
    };
    // "… 30 years ago after, according to him, the network censured …": a
    // conjunction right before the comma opens the content after the source.
    let opens = i > a + 1 && doc.w(i - 1) == "," && (SUBORDINATORS.contains(&doc.low(i - 2)) || matches!(doc.low(i - 2), "that" | "and" | "but"));
    // "Over the long term, according to the budget office, the rise in
    // deficits is …", "Other major cleavages, according to the poll,
    // include …": before the source a phrase with no verb (of time, place or
    // degree, or the subject), after it the rest of the clause; the content
    // is both, in two parts (as PolNeAR marks them).
    let around = !adverbial && !opens && i > a + 1 && i - a <= 9 && doc.w(i - 1) == "," && doc.w(src_end) == ","
        && (src_end + 1..b).filter(|&k| !is_punct(doc.w(k))).count() >= 3
        && (a..i - 1).all(|k| doc.w(k) != "," && !is_quote_mark(doc.w(k)) && !matches!(doc.w(k), ";" | ":" | "—") && !has_verb_form(doc, k))
        && {
            let first = doc.low(a);
            // A leading phrase ("Over the long term", "About 10:03 p.m.")…
            let leading = LEADING.contains(&first) || matches!(first, "over" | "about" | "around" | "nearly" | "roughly" | "almost" | "through" | "more" | "less" | "fewer") || first.starts_with(|c: char| c.is_ascii_digit());
            // …or a capitalised subject whose verb follows the source.
            leading || doc.w(a).starts_with(char::is_uppercase) && doc.w(src_end + 1).starts_with(char::is_lowercase)
        };
    if around {
        let (x1, y1) = trim(doc, a, i);
        let (x2, y2) = trim(doc, src_end + 1, b);
        let (p1, p2) = (chars(doc, x1, y1)?, chars(doc, x2, y2)?);
        return Some((according_att(source, (i, i + 2), vec![p1, p2]), src_end));
    }
    let lead = adverbial || opens || (a..i).all(|k| matches!(doc.low(k), "but" | "and" | "yet" | "“"));
    let (x, y) = if lead {
        // "According to the report, which was completed Feb. 28, the damage …"
        let mut from = src_end + 1;
        if matches!(doc.low(from), "which" | "who") {
            if let Some(c) = (from..b).find(|&k| doc.w(k) == ",") {
                from = c + 1;
            }
        }
        trim(doc, from, b)
    } else {
        let mut s = a;
        for k in a..i {
            if matches!(doc.w(k), ";" | ":") {
                s = k + 1;
            }
        }
        trim(doc, s, i)
    };
    Some((according_att(source, (i, i + 2), vec![chars(doc, x, y)?]), src_end))
}

/// "according to the state energy company, Ukrenergo, …", "according to
/// the party's leader, Anna Berg.": the end of a name in apposition after a
/// description (from `s` to the comma at `e`), `None` when there is none.
fn name_after_description(doc: &Doc, s: usize, e: usize, b: usize) -> Option<usize> {
    if e >= b || doc.w(e) != "," || e < s + 2 || !doc.w(e - 1).starts_with(char::is_lowercase) || !matches!(doc.low(s), "the" | "a" | "an" | "its" | "his" | "her" | "their") {
        return None;
    }
    let end = (e + 1..(e + 6).min(b + 1)).find(|&k| k == b || matches!(doc.w(k), "," | "." | ";"))?;
    let name = end > e + 1 && (e + 1..end).all(|k| doc.w(k).starts_with(char::is_uppercase) && !PRONOUNS.contains(&doc.low(k)) && !matches!(doc.low(k), "the" | "a" | "an" | "this" | "that" | "in" | "on" | "but" | "and"));
    // ("According to an FBI summary, Cheryl Mills, a top Clinton aide,
    // sent …": a name with its own appositive is the content's subject.)
    (name && (end >= b || appositive_after(doc, e + 1, end, b).is_none())).then_some(end)
}

/// An "according to" attribution (types and entities come later) of the
/// content in `parts` (one span, or two around the source).
fn according_att(source: Option<(usize, usize)>, cue: (usize, usize), parts: Vec<(usize, usize)>) -> Attribution {
    let content = (parts[0].0, parts[parts.len() - 1].1);
    Attribution {
        kind: Kind::AccordingTo,
        source,
        source_entity: None,
        source_type: SourceType::Person,
        cue: Some(cue),
        content: Some(content),
        parts: if parts.len() > 1 { parts } else { Vec::new() },
        stance: None,
    }
}

/// `Per SOURCE, CONTENT` and `CONTENT, per SOURCE.` ("Per the Post, the
/// talks broke down", "…, per two people familiar with the plan."), read as
/// "according to": a short noun phrase with no number ("$5 per share",
/// "per capita" are none) between the cue and a comma or the sentence's end.
fn per_source(doc: &Doc, a: usize, b: usize, i: usize) -> Option<(Attribution, usize)> {
    if doc.low(i) != "per" || i + 1 >= b {
        return None;
    }
    let opens_np = |k: usize| matches!(doc.low(k), "the" | "a" | "an" | "two" | "three" | "several" | "multiple" | "sources" | "people" | "reports" | "officials" | "documents" | "data") || doc.w(k).starts_with(char::is_uppercase);
    let plain = |x: usize, y: usize| y > x && y - x <= 10 && (x..y).all(|k| !doc.w(k).chars().any(|c| c.is_ascii_digit()) && !matches!(doc.w(k), ";" | ":" | "“" | "”" | "\""));
    let end = (i + 1..b).find(|&k| matches!(doc.w(k), "," | "." | "!" | "?" | ";")).unwrap_or(b);
    if !opens_np(i + 1) || !plain(i + 1, end) {
        return None;
    }
    let (content, src_end) = if i == a && end < b && doc.w(end) == "," {
        let (x, y) = trim(doc, end + 1, b);
        ((y > x + 2).then_some((x, y))?, end)
    } else if i > a + 2 && doc.w(i - 1) == "," && (end..b).all(|k| is_punct(doc.w(k))) {
        let (x, y) = trim(doc, a, i - 1);
        ((y > x + 2).then_some((x, y))?, end)
    } else {
        return None;
    };
    Some((according_att(Some((i + 1, src_end)), (i, i + 1), vec![chars(doc, content.0, content.1)?]), src_end))
}

/// Is token `k` a hyphen with a space before it, written for a dash ("- including … -")?
fn spaced_hyphen(doc: &Doc, k: usize) -> bool {
    k > 0 && doc.w(k) == "-" && doc.tokens[k].bstart > doc.tokens[k - 1].bend
}

/// Does token `k` show a verb: a finite auxiliary or modal, an irregular
/// past, a lower-case word in -ed, a verb of saying? (No tagger: a present
/// tense such as "include" is not seen.)
pub(crate) fn has_verb_form(doc: &Doc, k: usize) -> bool {
    let w = doc.low(k);
    FINITE_AUXILIARIES.contains(&w) || IRREGULAR_PAST.contains(&w) || doc.w(k).starts_with(char::is_lowercase) && w.len() > 3 && w.ends_with("ed") || is_speech_verb(w)
}

/// The end of an appositive that follows the name from `s` to the comma at
/// `e` (before the sentence's end `b`): a short phrase with no verb opened
/// by a determiner and holding a word for a role or a body ("another former
/// special envoy", "a spokesman for the city"), up to the next comma or the
/// sentence's end; `None` when there is none.
fn appositive_after(doc: &Doc, s: usize, e: usize, b: usize) -> Option<usize> {
    if e >= b || doc.w(e) != "," || !doc.w(s).starts_with(char::is_uppercase) {
        return None;
    }
    let from = e + 1;
    if !matches!(doc.low(from), "a" | "an" | "the" | "another" | "its" | "his" | "her" | "their") && !bare_role(doc, from) {
        return None;
    }
    let end = (from..b).find(|&k| matches!(doc.w(k), "," | "." | ";" | "—" | "(") || is_quote_mark(doc.w(k))).unwrap_or(b);
    let role = (from..end).any(|k| {
        let w = doc.low(k);
        dossier_language::entities::ROLE_HEADS.contains(&w) || ANONYMOUS_HEADS.contains(&w) || ORGANIZATION_HEADS.contains(&w)
    });
    (end > from + 1 && end - from <= 12 && role && (from..end).all(|k| !has_verb_form(doc, k))).then_some(end)
}

/// `In the latest Quinnipiac poll, CONTENT`, `In a survey of 1,000 voters
/// released Monday, CONTENT`: a sentence opening with "In" and a noun phrase
/// of a poll or survey (up to its comma) reports the rest of the sentence on
/// the poll's authority, as "according to" does. (PolNeAR marks 17 of the
/// training split's 22 such openings; after a sentence's start, "in … poll"
/// is an attribution in 38 of 177.)
fn in_poll(doc: &Doc, a: usize, b: usize, i: usize) -> Option<(Attribution, usize)> {
    if i != a || doc.low(i) != "in" {
        return None;
    }
    let comma = (i + 1..b.min(i + 16)).find(|&k| matches!(doc.w(k), "," | "." | ";" | ":" | "—"))?;
    if doc.w(comma) != "," || !(i + 1..comma).any(|k| matches!(doc.low(k), "poll" | "polls" | "survey" | "surveys")) {
        return None;
    }
    let (x, y) = trim(doc, comma + 1, b);
    if y <= x + 2 {
        return None;
    }
    let content = chars(doc, x, y)?;
    let att = Attribution {
        kind: Kind::AccordingTo,
        source: Some((i + 1, comma)),
        source_entity: None,
        source_type: SourceType::Document,
        cue: Some((i, i + 1)),
        content: Some(content),
        parts: Vec::new(),
        stance: None,
    };
    Some((att, comma + 1))
}

fn kind_of(doc: &Doc, x: usize, y: usize, quotes: &[Quote]) -> Kind {
    if y > x && matches!(doc.w(x), "“" | "\"") {
        if let Some(q) = quote_at(quotes, x) {
            if q.close + 1 >= y {
                return Kind::Direct;
            }
        }
    }
    if (x..y).any(|k| matches!(doc.w(k), "“" | "”" | "\"")) {
        Kind::Mixed
    } else {
        Kind::Indirect
    }
}

/// Words of saying used otherwise: "the chain known for its buns", "asked
/// not to be named", "in a statement" (after another cue), "Smith, asked
/// about it, said", "not authorized to discuss the matter", "Harrowgate's
/// proposed levy", "customers who called the service line".
pub(crate) fn not_a_cue_here(doc: &Doc, a: usize, i: usize) -> bool {
    let w = doc.low(i);
    let prev = |k: usize| if i >= a + k { doc.low(i - k) } else { "" };
    let known = w == "known" && matches!(doc.low(i + 1), "for" | "as");
    // ("who asked that her name not be used", "requested that his name be
    // withheld": how the source asked to be written about.)
    let withheld = |k: usize| matches!(doc.low(k), "used" | "published" | "withheld" | "printed" | "disclosed" | "revealed");
    let unnamed = matches!(doc.low(i + 1), "not" | "to") && (i + 1..(i + 5).min(doc.tokens.len())).any(|k| matches!(doc.low(k), "named" | "identified"))
        || matches!(w, "asked" | "requested" | "asking" | "requesting") && doc.low(i + 1) == "that" && matches!(doc.low(i + 2), "her" | "his" | "their" | "its") && matches!(doc.low(i + 3), "name" | "names" | "identity") && (i + 4..(i + 8).min(doc.tokens.len())).any(withheld);
    let unauthorized = prev(1) == "to" && matches!(prev(2), "authorized" | "allowed" | "permitted" | "cleared" | "empowered" | "anonymity" | "anonymously");
    let adjective = w.ends_with("ed") && matches!(prev(1), "the" | "a" | "an" | "'s" | "’s" | "its" | "their" | "his" | "her" | "our") && doc.w(i + 1).chars().all(|c| c.is_lowercase()) && !matches!(doc.low(i + 1), "that" | "to" | "by" | "in" | "on" | "for" | "with");
    let phoned = w == "called" && prev(1) == "who" && prev(2) != "," && matches!(doc.low(i + 1), "the" | "a" | "an" | "their" | "his" | "her");
    let named = matches!(w, "named" | "identified") && prev(1) == "be";
    // ("A deal is not assured, and …": certain, not told; not "is assured
    // of winning", which PolNeAR's annotators mark.)
    let certain = matches!(w, "assured" | "guaranteed") && (matches!(prev(1), "is" | "was" | "be" | "been" | "not" | "are" | "were") || prev(1) == "n't") && (is_punct(doc.w(i + 1)) || matches!(doc.low(i + 1), "and" | "but" | "yet"));
    // ("Crestline Motors is recalling about 400,000 vehicles": a product
    // recall, not a memory.)
    let number = |k: usize| doc.w(k).starts_with(|c: char| c.is_ascii_digit()) || matches!(doc.low(k), "thousands" | "millions" | "hundreds");
    let product_recall = matches!(w, "recall" | "recalls" | "recalling" | "recalled") && (number(i + 1) || matches!(doc.low(i + 1), "about" | "nearly" | "some" | "more" | "almost" | "roughly" | "over") && number(i + 2) || matches!(doc.low(i + 1), "its" | "the" | "their") && (i + 2..(i + 5).min(doc.tokens.len())).any(|k| matches!(doc.low(k), "vehicles" | "cars" | "trucks" | "products" | "devices" | "units" | "models" | "suvs" | "airbags" | "batteries")));
    // "three officials briefed on the talks", "people briefed on the plan":
    // a participle after its noun describes the sources.
    let briefed = matches!(w, "briefed" | "informed") && (ANONYMOUS_HEADS.contains(&prev(1)) || PEOPLE_HEADS.contains(&prev(1)) || prev(1) == "people") && matches!(doc.low(i + 1), "on" | "about" | "of");
    // "requested anonymity to speak candidly", "asked for anonymity": how
    // the source spoke, not what.
    let anonymous = matches!(w, "requested" | "request" | "requesting" | "requests" | "asked" | "asking" | "demanded" | "sought" | "granted" | "given")
        && (doc.low(i + 1) == "anonymity" || matches!(doc.low(i + 1), "for" | "of") && doc.low(i + 2) == "anonymity");
    // "…, said Corinne Wälti, in a statement.": how another cue's source spoke.
    let manner = prev(2) == "in" && matches!(prev(1), "a" | "an" | "the" | "her" | "his" | "its" | "their") && matches!(w, "statement" | "interview" | "letter" | "email" | "post" | "tweet" | "release" | "speech" | "filing");
    // "Smith, asked about the plan, said it would fail": the question set
    // off by commas leaves the sentence to the answer's cue.
    let aside = w == "asked" && i > a && doc.w(i - 1) == "," && (i + 1..doc.sentence_end(i)).any(|k| doc.w(k) == "," && is_speech_verb(doc.low(k + 1)));
    // The writer's own voice: "It is worth noting that …", "it should be
    // noted that …", "Needless to say, …", "Suffice it to say …", "It goes
    // without saying that …".
    let writer = matches!(w, "noting" | "mentioning" | "remembering" | "recalling") && prev(1) == "worth"
        || matches!(w, "noted" | "said" | "stressed" | "emphasized") && prev(1) == "be" && matches!(prev(2), "should" | "must" | "can" | "could")
        || w == "say" && (prev(1) == "needless" || prev(1) == "to" && (prev(2) == "is" && prev(3) == "that" || prev(2) == "it" && prev(3) == "suffice"))
        || w == "speak" && prev(1) == "to" && prev(2) == "so"
        // ("Patriot failed as predicted.", "as expected, …")
        || matches!(w, "predicted" | "expected" | "promised" | "planned" | "feared" | "forecast") && prev(1) == "as" && (is_punct(doc.w(i + 1)) || i + 1 >= doc.sentence_end(i))
        || w == "saying" && prev(1) == "without" && matches!(prev(2), "goes" | "go" | "went")
        // ("That said, …", "Having said that, …", "Said differently, …",
        // "That being said, …": a connective opening the sentence.)
        || w == "said" && i < a + 3 && doc.w(i + 1) == "," && (i == a + 1 && matches!(prev(1), "that" | "this") || i == a + 2 && prev(1) == "being" && prev(2) == "that")
        || w == "said" && i > a && prev(1) == "having" && doc.low(i + 1) == "that" && doc.w(i + 2) == ","
        || w == "said" && i == a && matches!(doc.low(i + 1), "differently" | "otherwise") && doc.w(i + 2) == ",";
    // A reporter's credit line: "Lerer reported from Los Angeles.", "Samantha
    // Lachman contributed reporting from Charleston." (in PolNeAR's training
    // and dev splits none of the ten "reported from" is an attribution).
    let credit = matches!(w, "reported" | "reporting" | "reports") && doc.low(i + 1) == "from" || w == "reporting" && prev(1) == "contributed";
    // "Everything Trump says is a lie", "What she said next stunned the
    // room": the cue inside a subject that is what was said, its verb after.
    let free_relative = matches!(w, "says" | "said" | "say" | "writes" | "wrote" | "tweets" | "tweeted")
        && (i.saturating_sub(4).max(a)..i).any(|k| matches!(doc.low(k), "everything" | "anything" | "nothing" | "whatever") || k == a && doc.low(k) == "what")
        && (i.saturating_sub(4).max(a)..i).all(|k| !is_punct(doc.w(k)) && doc.low(k) != "that")
        && (i + 1..(i + 3).min(doc.sentence_end(i))).any(|k| has_verb_form(doc, k));
    // "Elon Musk said nothing.", "He said little, offering only …": saying
    // nothing is no attribution ("said little about the plan" is, its
    // cue running to "about").
    // "The state impasse had also worried supporters of the levy": a
    // feeling caused in someone, its object a noun phrase, is no speech
    // ("officials worried that …", "worried about …" are).
    let causative = matches!(w, "worried" | "worries" | "angered" | "alarmed" | "troubled" | "frustrated" | "upset" | "concerned")
        && matches!(doc.low(i + 1), "the" | "a" | "an" | "many" | "some" | "supporters" | "voters" | "investors" | "officials" | "residents" | "him" | "her" | "them" | "us" | "his" | "their" | "its")
        && i > a
        && !matches!(prev(1), "be" | "is" | "are" | "was" | "were" | "been" | "being" | "get" | "got");
    // "agreed on Saturday to a 10-year, $700 million contract": agreeing to
    // a thing is a deal, not speech (PolNeAR's training split marks 2 of 6).
    let deal = matches!(w, "agreed" | "agrees" | "agree") && {
        let n = doc.tokens.len();
        (i + 1..(i + 5).min(n)).take_while(|&k| !is_punct(doc.w(k)) && doc.low(k) != "that").find(|&k| doc.low(k) == "to").is_some_and(|k| {
            k + 1 < n && (matches!(doc.low(k + 1), "a" | "an" | "the" | "his" | "her" | "their" | "its" | "$") || doc.w(k + 1).starts_with(|c: char| c.is_ascii_digit()))
        })
    };
    // ("said nothing had been signed": "nothing" the content's subject.)
    let silent = matches!(w, "said" | "says" | "say" | "saying" | "told" | "tells" | "wrote" | "writes")
        && matches!(doc.low(i + 1), "nothing" | "little")
        && (i + 2 >= doc.tokens.len() || is_punct(doc.w(i + 2)) || matches!(doc.low(i + 2), "and" | "but" | "as" | "when" | "while" | "in" | "at" | "during" | "after" | "before" | "then" | "publicly" | "else" | "more" | "further" | "to"));
    // "The company posted a loss of $2 billion", "Sanders posted an
    // overwhelming victory", "claimed the nomination", "the fire claimed
    // 12 lives": a result won or counted, not a statement ("claimed
    // victory" is one: PolNeAR's annotators mark half of them).
    let object = |heads: &[&str]| {
        let n = doc.sentence_end(i);
        (i + 1..(i + 6).min(n)).take_while(|&k| !is_punct(doc.w(k)) && !matches!(doc.low(k), "that" | "to" | "of" | "in" | "on" | "for")).any(|k| heads.contains(&doc.low(k)))
    };
    let result = matches!(w, "posted" | "posts" | "post" | "posting")
        && object(&["loss", "losses", "profit", "profits", "gain", "gains", "victory", "victories", "win", "wins", "revenue", "revenues", "earnings", "sales", "increase", "decline", "drop", "rise", "surplus", "deficit", "growth", "score", "lead", "results", "returns", "income", "margin", "record", "jump", "surge", "slump", "fall"])
        || matches!(w, "claimed" | "claims" | "claim" | "claiming")
            && object(&["nomination", "seat", "seats", "title", "titles", "crown", "prize", "percent", "lives", "share", "majority", "medal", "medals", "championship", "trophy", "points"]);
    // "The ministry posted a statement saying the talks had failed": the
    // participle after the document is the cue.
    let document_participle = matches!(w, "posted" | "posts" | "post" | "posting" | "tweeted" | "tweets" | "wrote" | "writes" | "published" | "publishes")
        && (i + 2..(i + 5).min(doc.sentence_end(i))).any(|k| is_document_noun(doc.low(k - 1)) && doc.low(k).ends_with("ing") && is_speech_verb(doc.low(k)) && (i + 1..k - 1).all(|j| !is_punct(doc.w(j))));
    // "He granted a preliminary injunction requested by NetChoice": a
    // participle right after its noun, before "by", qualifies the noun (a
    // reduced relative clause); it reports nothing.
    let reduced_passive = w.ends_with("ed")
        && doc.low(i + 1) == "by"
        && i > a + 1
        && doc.w(i - 1).chars().all(|c| c.is_lowercase())
        && !crate::lexicon::AUXILIARIES.contains(&prev(1))
        && !is_manner_adverb(prev(1))
        && !matches!(prev(1), "not" | "and" | "or" | "but" | "who" | "that" | "which" | "as" | "also" | "first" | "widely" | "previously" | "originally" | "later" | "then")
        && !prev(1).ends_with("ly")
        && (2..=4).map(prev).take_while(|&p| !p.is_empty()).position(|p| matches!(p, "a" | "an" | "the" | "its" | "his" | "her" | "their" | "this")).is_some_and(|d| {
            (1..d + 2).all(|k| doc.w(i - k).chars().all(|c| c.is_lowercase() || c == '-') && !crate::lexicon::AUXILIARIES.contains(&doc.low(i - k)) && !matches!(doc.low(i - k), "be" | "been" | "being" | "is" | "was" | "are" | "were"))
        });
    // "It was not immediately clear whether he had a lawyer": the writer's
    // own doubt (PolNeAR's annotators mark 9 of the training split's 40).
    let expletive_clear = matches!(w, "clear" | "unclear") && {
        let mut k = i;
        while k > a && matches!(doc.low(k - 1), "not" | "immediately" | "yet" | "still" | "entirely" | "exactly" | "always" | "also") {
            k -= 1;
        }
        k >= a + 2 && matches!(doc.low(k - 1), "is" | "was" | "remains" | "remained" | "became" | "seems" | "seemed") && doc.low(k - 2) == "it"
    };
    // "The man, identified as Derek Lowell, …": a name given, not a statement.
    let naming = w == "identified" && doc.low(i + 1) == "as" && doc.w(i + 2).starts_with(char::is_uppercase);
    known || unnamed || named || briefed || anonymous || result || document_participle || reduced_passive || expletive_clear || naming || manner || aside || unauthorized || adjective || phoned || writer || credit || free_relative || silent || deal || causative || product_recall || certain || is_naming(doc, a, i)
}

/// "a script called “Wild Rose,” and …", "a group called Friends of Abe":
/// a participle after a common noun that gives a short name, nothing after
/// the name but punctuation or a preposition ("The senator called “Smith”
/// a liar" goes on, and is speech).
fn is_naming(doc: &Doc, a: usize, i: usize) -> bool {
    if i <= a || !matches!(doc.low(i), "called" | "titled" | "entitled" | "dubbed" | "named" | "nicknamed") {
        return false;
    }
    let prev = doc.w(i - 1);
    // "The program, called EB-5, lets …": an appositive after a common noun.
    let prev = if prev == "," && i >= a + 2 { doc.w(i - 2) } else { prev };
    if !prev.chars().all(|c| c.is_lowercase()) || prev.len() < 3 || AUXILIARIES.contains(&doc.low(i - 1)) || matches!(doc.low(i - 1), "who" | "which" | "that" | "they" | "she" | "he" | "we" | "also" | "and" | "have" | "be") {
        return false;
    }
    let end = doc.sentence_end(i);
    let after_name = if is_quote_mark(doc.w(i + 1)) {
        (i + 2..(i + 12).min(end)).find(|&k| is_quote_mark(doc.w(k))).map(|k| k + 1)
    } else if doc.w(i + 1).starts_with(char::is_uppercase) {
        let mut k = i + 1;
        while k < end && k < i + 7 && (doc.w(k).starts_with(char::is_uppercase) || matches!(doc.low(k), "of" | "the" | "for" | "and" | "&")) {
            k += 1;
        }
        Some(k)
    } else {
        None
    };
    // ("The 30-second spot, titled “Arrogant,” shows …": an appositive's
    // name, whatever follows it.)
    // (Only a quoted name: "Minyon Moore, a senior adviser to the
    // campaign, called Mr. Obama's remarks …" is a speaker's verb.)
    let appositive = doc.w(i - 1) == "," && is_quote_mark(doc.w(i + 1)) && !matches!(doc.low(i - 2), "example" | "instance" | "however" | "though" | "too" | "also" | "then");
    after_name.is_some_and(|k| appositive || k >= end || is_punct(doc.w(k)) || matches!(doc.low(k), "and" | "which" | "that" | "in" | "on" | "by" | "for" | "with" | "from" | "at" | "to" | "of" | "was" | "is" | "has"))
}

/// "An earlier version of this article misstated …": a correction's notice
/// is the publication's own voice.
fn correction_notice(doc: &Doc, att: &Attribution) -> bool {
    let Some((s, e)) = att.source else { return false };
    let words: Vec<&str> = (s..e).map(|k| doc.low(k)).collect();
    matches!(words.as_slice(), ["an" | "a", "earlier" | "previous" | "prior", "version", "of", "this", "article" | "story" | "report" | "post" | "column"])
}

/// "In a statement emailed to the paper", "A statement posted on the
/// website said …": a participle right after a document's noun, before "to"
/// or before the document's own verb of saying, describes the document; it
/// reports nothing. (Without either, "the report released Monday", it cost
/// PolNeAR 0.1.)
pub(crate) fn describes_document(doc: &Doc, a: usize, i: usize) -> bool {
    // ("Reviews posted on Tuesday were mixed: …": a plural document noun
    // opening the sentence, its own verb after the participle's phrase.)
    if i == a + 1 && doc.low(i).ends_with("ed") && doc.low(a).ends_with('s') && is_document_noun(doc.low(a)) {
        let b = doc.sentence_end(i);
        if (i + 1..(i + 8).min(b)).take_while(|&k| !is_punct(doc.w(k))).any(|k| matches!(doc.low(k), "were" | "was" | "are" | "is" | "have" | "has" | "had")) {
            return true;
        }
    }
    if !(i > a && DOCUMENT_HEADS.contains(&doc.low(i - 1)) && doc.low(i).ends_with("ed")) {
        return false;
    }
    // "In a statement posted on its website late Thursday, it blamed …": a
    // document inside a prepositional phrase is how another said it.
    let mut d = i - 1;
    while d > a && !matches!(doc.low(d - 1), "in" | "with" | "through" | "via") && i - d < 4 && !is_punct(doc.w(d - 1)) {
        d -= 1;
    }
    // (Only a phrase that opens the sentence or follows a comma: "and in a
    // statement credited him for …" has the participle as its verb.)
    let opens = |p: usize| p == a || doc.w(p - 1) == ",";
    if d > a && matches!(doc.low(d - 1), "in" | "with" | "through" | "via") && opens(d - 1) && matches!(doc.low(d), "a" | "an" | "the" | "its" | "his" | "her" | "their") {
        return true;
    }
    // "A statement posted on the website said …": the document's own verb of
    // saying follows within its clause.
    let b = doc.sentence_end(i);
    doc.low(i + 1) == "to" || (i + 1..(i + 12).min(b)).take_while(|&k| !matches!(doc.w(k), "," | ";" | ":")).any(|k| is_speech_verb(doc.low(k)))
}

/// Verbs of saying: the frame around the cue.
fn speech(doc: &Doc, a: usize, b: usize, i: usize, quotes: &[Quote], score: f32) -> Option<(Attribution, usize)> {
    let w = doc.low(i);
    // "did not deny that he had met the envoy" (a bare "deny" otherwise is
    // rarely speech: taking every one cost PolNeAR dev 0.1).
    // ("as one supervisor put it, …": "put it" after "as" and its source.)
    let put_it = w == "put" && doc.low(i + 1) == "it" && (i.saturating_sub(10).max(a)..i).any(|k| doc.low(k) == "as" && (k == a || matches!(doc.w(k - 1), "," | "—" | "(") || matches!(doc.low(k - 1), "and" | "but" | "just")));
    let speech_verb = is_speech_verb(w) || w == "deny" && i > a && matches!(doc.low(i - 1), "not" | "n't" | "never") || put_it;
    // A word the cue detector predicts is treated as a mined cue.
    let learned = score > cues::CUE_THRESHOLD;
    // Only the detector vouches for it: it needs a clause ("that …", ": “…”").
    let rate = cue_rate(w);
    let learned_only = learned && !speech_verb && rate < MIN_CUE_RATE;
    let mined = !speech_verb && (rate >= MIN_CUE_RATE || learned) && w != "according";
    // "competing to demonstrate that": an infinitive's subject is not before it.
    if learned_only && i > a && doc.low(i - 1) == "to" {
        return None;
    }
    if !(speech_verb || mined) || inside_quote(quotes, i) {
        return None;
    }
    if put_it {
        return as_put_it_frame(doc, a, b, i, quotes);
    }
    if describes_document(doc, a, i) || not_a_cue_here(doc, a, i) {
        return None;
    }
    // "now watch the 10-day forecast, he said": a noun after its determiner,
    // closing a clause, is no cue.
    let determiner = |k: usize| matches!(doc.low(k), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "this" | "that");
    if mined && matches!(doc.w(i + 1), "," | "." | ";") && i > a && (determiner(i - 1) || i > a + 1 && determiner(i - 2)) {
        return None;
    }
    // "Making the rounds on the Sunday shows, Carson said …": a word right
    // before a comma after which a subject and its own verb of saying come is
    // no cue.
    if doc.w(i + 1) == "," && doc.w(i + 2).starts_with(char::is_uppercase) && (i + 3..(i + 7).min(b)).any(|k| is_speech_verb(doc.low(k)) && (i + 2..k).all(|j| !is_punct(doc.w(j)))) {
        return None;
    }
    // "while not denying the report": a participle in an interrupting clause;
    // "cautious in discussing", "the deciding vote": gerunds and adjectives.
    // But "by saying he would …", "after saying that …": a gerund the detector is sure of.
    let sure_gerund = score > cues::STRONG_CUE && i > a && matches!(doc.low(i - 1), "by" | "for" | "after" | "before");
    if w.ends_with("ing") && i > a && !sure_gerund && matches!(doc.low(i - 1), "not" | "while" | "without" | "in" | "of" | "for" | "about" | "by" | "after" | "before" | "the" | "a" | "an" | "his" | "her" | "their" | "its") {
        return None;
    }
    // Verbs that are rarely speech unless a clause follows (or the detector is sure).
    // ("I think his comment is correct", "we believe the plan works", outside
    // a quotation: PolNeAR marks 32 of the training split's 50 such uses.)
    let first_person = matches!(w, "think" | "believe") && i > a && matches!(doc.low(i - 1), "i" | "we");
    let weak = !first_person && score <= cues::STRONG_CUE && matches!(w, "show" | "shows" | "showed" | "found" | "finds" | "continued" | "expected" | "agreed" | "agrees" | "learned" | "thought" | "feels" | "felt" | "states" | "say" | "think" | "believe" | "claim" | "write" | "tell" | "argue" | "notes" | "claims" | "reports" | "estimates" | "warning" | "vows" | "promises" | "hopes" | "fears");
    // "…, the Journal reports.": at the sentence's end after a comma and a
    // short subject, such a verb reports the clause before it.
    let ends_inverted = || (i + 1..b).all(|k| is_punct(doc.w(k))) && (i.saturating_sub(6).max(a)..i).any(|k| doc.w(k) == ",");
    if weak && doc.low(i + 1) != "that" && !ends_inverted() {
        return None;
    }
    let cs = cue_start(doc, a, i);
    let mut cue_end = i + 1;
    // "called for", "warned against": the particle belongs to the cue.
    // (Not "on" before a time: "was charged on Monday with …".)
    let time_after = on_a_time(doc, cue_end);
    if mined && matches!(doc.low(cue_end), "for" | "on" | "against" | "out" | "to" | "about" | "up") && !time_after {
        cue_end += 1;
    }
    // "has said little about the plan": the cue runs to the preposition.
    if matches!(doc.low(cue_end), "nothing" | "little") && matches!(doc.low(cue_end + 1), "about" | "on" | "of" | "regarding") {
        cue_end += 2;
    }
    // "said in a statement", "wrote on Twitter" stay out of the content.
    let after = doc.low(cue_end);

    // Inverted order: CONTENT , SOURCE CUE (.) — the cue near the sentence's end.
    let tail_len = (cue_end..b).filter(|&k| !is_punct(doc.w(k))).count();
    // "said on Monday it would pause …", "said last week that …": a time
    // adjunct right after the cue, then the clause that is the content.
    let adjunct = adjunct_len(doc, cue_end);
    let clause_after_adjunct = adjunct > 0 && opens_clause(doc, cue_end + adjunct, b);
    // "X, Tom Lee, said in an email that …": the adjunct leads to "that".
    let that_clause = (cue_end..(cue_end + 8).min(b)).any(|k| (doc.low(k) == "that" && (k + 1..b).filter(|&j| !is_punct(doc.w(j))).count() >= 3) || doc.w(k) == ":");
    let tail_is_adjunct = !clause_after_adjunct && tail_len == 0
        || !clause_after_adjunct && matches!(after, "on" | "in" | "at" | "during" | "after" | "before" | "last" | "this" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "yesterday" | "today" | "earlier" | "later" | "then" | "recently" | "," | "." | "”" | "\"" | "of" | "to" | "about" | "while" | "when" | "as" | "since" | "because");
    // "…,” said the head of the union": a determiner after a quotation.
    let after_quote_np = cs > a && matches!(doc.w(cs - 1), "”" | "\"") && matches!(after, "the" | "a" | "an" | "one" | "his" | "her" | "their" | "its" | "another");
    // "The talks went well, said a senior aide to the governor.": so after
    // a comma too, when the noun phrase ends the sentence.
    let after_quote_np = after_quote_np
        || cs > a + 2 && doc.w(cs - 1) == "," && matches!(w, "said" | "says" | "added" | "wrote" | "noted") && matches!(after, "the" | "a" | "an" | "one" | "his" | "her" | "their" | "its") && {
            // Not "Another pollster, David Woodard of Clemson University,
            // said his survey showed …": a name before the comma is the
            // source's, and a long noun phrase is a clause.
            let src_end = appositive_end(doc, source_end(doc, cue_end, b), b);
            // ("…, which is made up of investors, said the program works": a
            // noun phrase whose words name no speaker is a clause's subject.)
            let speaker = (cue_end..src_end).any(|k| {
                let w = doc.low(k);
                ANONYMOUS_HEADS.contains(&w) || DOCUMENT_HEADS.contains(&w) || dossier_language::entities::ROLE_HEADS.contains(&w)
            });
            speaker && src_end - cue_end <= 10 && (src_end..b).all(|k| is_punct(doc.w(k))) && doc.w(cs - 2).starts_with(char::is_lowercase)
        };
    // "…,” said library director Josephine Amadi": a title in lower case before the name.
    let after_quote_title = cs > a + 1
        && matches!(doc.w(cs - 1), "," | "”" | "\"")
        && matches!(doc.w(cs - 2), "”" | "\"" | ",")
        && (cue_end..(cue_end + 4).min(b)).find(|&k| !doc.w(k).chars().all(|c| c.is_lowercase())).is_some_and(|k| k > cue_end && doc.w(k).starts_with(char::is_uppercase));
    // “…?” Fairweather said. — the quotation is the sentence before (a
    // question or exclamation closing a quotation ends a sentence).
    if let Some(found) = after_closed_question(doc, a, b, (cs, cue_end), quotes, tail_len) {
        return Some(found);
    }
    // "…,” said Josh Earnest, the press secretary.
    // ("Her chief of staff, Paul Okonjo, said Sobczak would not debate Vane":
    // a clause after the cue is its content, not its source.)
    // ("X, a Republican, told Fox News: “…”": after a comma, an object
    // verb's capitalised object is the listener, and no source holds a
    // colon or a quotation mark.)
    let clause_after = || {
        (OBJECT_VERBS.contains(&w) && doc.w(cs - 1) == ",")
            || {
                // ("…,” said a GOP data expert who has worked for …": a
                // relative clause inside the source has verbs of its own.)
                let se = before_relative(doc, cue_end, source_end(doc, cue_end, b));
                (cue_end..se).any(|k| FINITE_AUXILIARIES.contains(&doc.w(k)) || doc.w(k) == ":" || is_quote_mark(doc.w(k)))
            }
    };
    // ("Clinton, a Democrat, did not mention Donald Trump by name", "X, the
    // conservative icon, has endorsed Sen. Ted Cruz for president", "X, a
    // Trump supporter, said Trump campaign strategists plan to …": a
    // capitalised object is no source after its cue. An inverted source
    // follows a bare verb of saying and is short: "said Sen. Ted Cruz of
    // Texas", "said House Speaker Paul Ryan in a statement".)
    let named_after = || {
        // ("…,” said Sen. Jim Whelan who represents Atlantic City and …": a
        // relative clause is no part of the name's length.)
        let se = before_relative(doc, cue_end, source_end(doc, cue_end, b));
        // (Right after a quotation any cue may invert: "“This is fantastic!”
        // beamed Donald Hartley".)
        let after_quote = matches!(doc.w(cs - 1), "”" | "\"");
        // ("Jo Lee, a professor at Lakeshore State, described Trump's plan
        // as …": before the comma stands a name, not a clause: the subject.)
        doc.w(cue_end).starts_with(char::is_uppercase) && !is_time_word(doc.low(cue_end)) && cs == i && (is_speech_verb(w) || after_quote) && se - cue_end <= 10 && !(doc.w(cs - 1) == "," && name_only(doc, a, cs - 1))
    };
    // Right after a quotation the source may run long ("…,” said Giuliani,
    // who served as U.S. attorney for … from 1983 to 1989 and as …").
    let after_quotation = cs > a && (matches!(doc.w(cs - 1), "”" | "\"") || cs > a + 1 && doc.w(cs - 1) == "," && matches!(doc.w(cs - 2), "”" | "\""));
    let tail_max = if after_quotation { 45 } else { 25 };
    if cs > a && matches!(doc.w(cs - 1), "," | "”" | "\"") && !matches!(after, "that" | ":") && tail_len > 0 && tail_len <= tail_max && (named_after() || after_quote_np || after_quote_title) && !clause_after() {
        let src_end = appositive_end(doc, source_end(doc, cue_end, b), b);
        let content_end = if doc.w(cs - 1) == "," { cs - 1 } else { cs };
        return inverted(doc, a, b, content_end, (cue_end, src_end), (cs, cue_end), quotes, src_end);
    }
    // "“…,” she told reporters.": a short object ends the sentence after a quotation.
    // ("“…,” the aide, Bridget Morrow, told jurors.": the source may hold an
    // appositive between the quotation and the cue.)
    let object_tail = OBJECT_VERBS.contains(&w) && tail_len > 0 && tail_len <= 4 && (cs.saturating_sub(16).max(a)..cs).any(|k| matches!(doc.w(k), "”" | "\"")) && (cs.saturating_sub(16).max(a)..cs).rev().take_while(|&k| !matches!(doc.w(k), "”" | "\"")).all(|k| !is_speech_verb(doc.low(k)) && !FINITE_AUXILIARIES.contains(&doc.low(k)));
    // "The economy is strong, the senator told supporters at a rally in
    // Ohio.": a one-word object, then an adjunct, after ", SOURCE".
    let object_tail = object_tail
        || OBJECT_VERBS.contains(&w)
            && tail_len >= 2
            && tail_len <= 9
            && (cs.saturating_sub(6).max(a + 2)..cs).any(|k| doc.w(k) == ",")
            // ("…, the company told federal safety regulators on
            // Wednesday.": up to three words of object.)
            && (cue_end + 1..(cue_end + 4).min(b + 1)).find(|&k| k >= b || matches!(doc.low(k), "at" | "in" | "on" | "during" | "after" | "before" | "last" | "this" | "." | ",")).is_some_and(|k| (cue_end..k.min(b)).all(|j| doc.w(j).starts_with(char::is_lowercase) && !has_verb_form(doc, j) && !matches!(doc.low(j), "that" | "to" | "he" | "she" | "they" | "it" | "we" | "i")));
    // "…, Graham told The Associated Press on Thursday.": a listener named
    // in capitals (an outlet), then at most an adjunct.
    let object_tail = object_tail || OBJECT_VERBS.contains(&w) && tail_len >= 2 && tail_len <= 12 && (cs.saturating_sub(10).max(a + 2)..cs).any(|k| doc.w(k) == ",") && {
        let capital = |k: usize| doc.w(k).starts_with(char::is_uppercase) || matches!(doc.low(k), "the" | "of" | "&" | "’s" | "'s") && k > cue_end;
        let named = doc.w(cue_end).starts_with(char::is_uppercase) && !is_time_word(doc.low(cue_end));
        let end = (cue_end..b).find(|&k| !capital(k)).unwrap_or(b);
        named && end > cue_end + 1 && (end >= b || matches!(doc.low(end), "at" | "in" | "on" | "during" | "after" | "before" | "last" | "this" | "." | ","))
    };
    let tail_is_adjunct = tail_is_adjunct || object_tail && (cue_end..b).all(|k| !matches!(doc.low(k), "that" | ":" | "“" | "\""));
    // "“…,” he told the group, adding that …": after a quotation, a short
    // object, then a participle cue of the source's own.
    let participle_tail = OBJECT_VERBS.contains(&w)
        && (cs.saturating_sub(6).max(a)..cs).any(|k| matches!(doc.w(k), "”" | "\""))
        && (cue_end + 1..(cue_end + 5).min(b)).find(|&k| doc.w(k) == ",").is_some_and(|k| doc.low(k + 1).ends_with("ing") && is_speech_verb(doc.low(k + 1)));
    let tail_is_adjunct = tail_is_adjunct || participle_tail;
    if tail_is_adjunct && cs > a {
        // Find the comma (or closing quote) that ends the content.
        // The source runs back to the comma or closing quote that ends the
        // content; after a quotation it may be long ("…,” Scott Pruitt, the
        // attorney general of Oklahoma, one of the states suing, said).
        let mut k = cs;
        // "…, Erin Murphy, a former aide who went with her, said.": a comma
        // right before the cue closes appositives; the source starts at the
        // nearest of the three commas before it that a name follows.
        if doc.w(cs - 1) == "," && !that_clause {
            let name_at = (a.max(cs.saturating_sub(30))..cs - 1).rev().filter(|&j| doc.w(j) == ",").take(3).map(|j| j + 1).find(|&p| {
                let next_comma = (p..cs).find(|&j| doc.w(j) == ",").unwrap_or(cs);
                doc.w(p).starts_with(char::is_uppercase) && next_comma - p <= 6 && !(p..cs).any(|t| is_speech_verb(doc.low(t)))
            });
            if let Some(p) = name_at.filter(|&p| p > a + 2) {
                // ("Ms. Delgado's Republican opponent, Jim Hollis, conceded in
                // a post on X": a short noun phrase with no verb opening the
                // sentence is the name's role, no content before it.)
                let opening_role = p - 1 - a <= 6
                    && (matches!(doc.low(a), "the" | "his" | "her" | "its" | "their") || (a..p - 1).any(|j| matches!(doc.w(j), "’s" | "'s")))
                    && (a..p - 1).all(|j| !is_punct(doc.w(j)) && !has_verb_form(doc, j) && !is_quote_mark(doc.w(j)));
                if opening_role {
                    return None;
                }
                // "“…,” the company's lawyer, John Smith, said.": a short
                // noun phrase between the quotation and the name is the
                // source's head.
                // (A nested quotation closing too: `…,'" the witness, …`.)
                let head = (p.saturating_sub(8).max(a + 1)..p - 1).rev().find(|&q| is_quote_mark(doc.w(q)) && (matches!(doc.w(q - 1), "," | "?" | "!") || q >= 2 && matches!(doc.w(q - 1), "'" | "’") && matches!(doc.w(q - 2), "," | "?" | "!")) || doc.w(q) == "," && is_quote_mark(doc.w(q - 1)));
                let head = head.filter(|&q| (q + 1..p - 1).all(|j| !matches!(doc.w(j), "," | ".") && !is_speech_verb(doc.low(j))) && p - 1 > q + 1);
                // "…, its chief executive, Marcus Webb, said in an
                // interview.": a role's noun phrase between commas before the
                // name is the source's head too.
                let role = || {
                    let q = (p.saturating_sub(9).max(a + 1)..p - 1).rev().find(|&q| doc.w(q) == ",")?;
                    let (x, y) = (q + 1, p - 1);
                    let opens = matches!(doc.low(x), "the" | "its" | "his" | "her" | "their" | "a" | "an" | "our") || y > x + 1 && matches!(doc.w(x + 1), "’s" | "'s");
                    let role_head = (x..y).any(|j| dossier_language::entities::ROLE_HEADS.contains(&doc.low(j)) || ANONYMOUS_HEADS.contains(&doc.low(j)));
                    (y > x + 1 && opens && role_head && (x..y).all(|j| !is_punct(doc.w(j)) && !has_verb_form(doc, j) && !is_quote_mark(doc.w(j)))).then_some(q)
                };
                let s0 = head.or_else(role).map_or(p, |q| q + 1);
                return inverted(doc, a, b, s0 - 1, (s0, cs - 1), (cs, cue_end), quotes, b);
            }
        }
        while k > a && cs - k <= 12 && !matches!(doc.w(k - 1), "," | "”" | "\"" | "—") {
            k -= 1;
        }
        if k > a && doc.w(k - 1) == "," {
            if let Some(q) = (a.max(cs.saturating_sub(26))..k).rev().find(|&q| matches!(doc.w(q), "”" | "\"") && doc.w(q.saturating_sub(1)) == ",") {
                k = q + 1;
            }
        }
        // "Democrats voted yes, after Treadwell said on Friday that …": a
        // subordinate clause in its own order, not CONTENT, SOURCE CUE.
        let subordinate = matches!(doc.low(k), "after" | "before" | "when" | "because" | "since" | "until" | "while" | "if" | "once" | "although" | "though" | "unless");
        // "Microsoft, which filed one of the original complaints in 2010,
        // declined …": a relative clause with its own verb, the cue a noun
        // in it, is no SOURCE CUE.
        // (Nor one whose cue is in a clause of its own inside it: "workers,
        // who had faced threats after the campaign claimed, without
        // evidence, that …".)
        let subject_relative = matches!(doc.low(k), "which" | "who")
            && (finite_past(doc, k + 1) && !is_speech_verb(w) || (k + 3..cs).any(|j| matches!(doc.low(j), "after" | "before" | "when" | "because" | "since" | "until" | "while" | "once" | "although" | "though" | "unless")));
        if k > a && cs > k && cs - k <= 25 && !subordinate && !subject_relative {
            // "The shortfall, which the budget office first disclosed in
            // January, …": the relative is no part of the source.
            let relative = cs > k + 1 && matches!(doc.low(k), "which" | "whom");
            let src = (k + usize::from(relative), cs);
            // ("… by 2025 if the Chinese pledged to cap …", "… weighs a
            // standard that business groups have opposed": twelve words
            // back and no comma or mark, the source starts after the last
            // word that opens a clause.)
            let closed = matches!(doc.w(k - 1), "," | "”" | "\"" | "—");
            // (Or at a subject pronoun: "the programs she has proposed".)
            let src = match (k..cs).rev().find(|&j| matches!(doc.low(j), "that" | "if" | "which" | "who" | "whom" | "when" | "as" | "because" | "and" | "but" | "while" | "where" | "whether" | "since" | "after" | "before" | "until" | "though" | "although") || PRONOUN_SUBJECTS.contains(&doc.low(j))) {
                Some(j) if !closed && PRONOUN_SUBJECTS.contains(&doc.low(j)) => (j, cs),
                Some(j) if !closed && j + 1 < cs => (j + 1, cs),
                _ => src,
            };
            let content_end = if doc.w(k - 1) == "," { k - 1 } else { k };
            let src_has_verb = (k..cs).any(|t| is_speech_verb(doc.low(t)));
            // "Too often, Mr. Clarke said, the debate is infected …": a short
            // adverbial before a parenthetical cue; the clause after it is the
            // content (the adverbial is made its first part after the content
            // model has chosen: `front_parts`).
            let tail_start = cue_end + usize::from(doc.w(cue_end) == ",");
            // (Not a participle of the source's own after the cue: "…, two
            // people said, asking not to be named"; a gerund subject is a
            // clause's: "…, he said, replacing Clinton would be …".)
            if content_end > a && !src_has_verb && content_end - a <= 6 && doc.w(cue_end) == "," && b.saturating_sub(tail_start) >= 5 && !is_quote_mark(doc.w(a)) && !matches!(doc.low(tail_start), "speaking" | "asking" | "requesting" | "declining" | "adding" | "citing" | "noting" | "pointing" | "referring" | "saying" | "insisting" | "arguing" | "explaining") {
                let (x, y) = trim(doc, tail_start, b);
                if x < y {
                    let source = Some(trim(doc, src.0, src.1)).filter(|(s, e)| s < e);
                    let att = Attribution { kind: kind_of(doc, x, y, quotes), source, source_entity: None, source_type: SourceType::Person, cue: Some((cs, cue_end)), content: chars(doc, x, y), parts: Vec::new(), stance: None };
                    return Some((att, b));
                }
            }
            if content_end > a && !src_has_verb {
                // The next quotation after the cue continues the content: “A,” he said, “B.”
                return inverted(doc, a, b, content_end, src, (cs, cue_end), quotes, b);
            }
        }
    }

    // Normal order: SOURCE CUE (OBJECT) (that|:) CONTENT.
    // A cue coordinated with an earlier one ("… and has declared that …") shares its subject.
    let subject_end = if cs > a && doc.low(cs - 1) == "and" { first_cue_before(doc, a, cs - 1).unwrap_or(cs) } else { cs };
    let (source, stance) = match subject(doc, a, subject_end) {
        Some((s, st)) => (Some(s), st),
        None => (None, None),
    };
    // "As Clinton told the New York Daily News, tax relief is …", "As Smith
    // noted in her speech, the plant …": a leading "as" clause; its object
    // and adjuncts end at the comma, and the content is the clause after it.
    if let Some(p) = leading_as_comma(doc, a, b, cs, cue_end) {
        let (x, y) = trim(doc, p + 1, b);
        if x < y {
            let att = Attribution { kind: kind_of(doc, x, y, quotes), source, source_entity: None, source_type: SourceType::Person, cue: Some((cs, cue_end)), content: chars(doc, x, y), parts: Vec::new(), stance };
            return Some((att, b));
        }
    }
    let mut c = cue_end;
    // ("the deadline that state officials had warned would delay payments":
    // a modal right after the cue has no object before it.)
    if OBJECT_VERBS.contains(&w) && !matches!(doc.low(c), "would" | "will" | "could" | "can" | "might" | "may" | "should" | "must") {
        // Skip the object: up to "that", a quote, a colon, or a short noun phrase.
        // ("Asked whether she would run, Smith said …": the question is the
        // content, and a comma ends it unless a quotation follows.)
        let stop = (c..(c + 8).min(b)).find(|&k| matches!(doc.low(k), "that" | ":" | "“" | "\"" | ","));
        // "told a town hall in Salem, New Hampshire on Monday that …": a longer object with a place in it.
        let stop = stop.filter(|&t| doc.w(t) != "," || is_quote_mark(doc.w(t + 1))).or_else(|| (c..(c + 14).min(b)).take_while(|&k| !matches!(doc.w(k), ";" | ":" | "." | "“" | "\"")).find(|&k| doc.low(k) == "that" && (c..k).any(|j| matches!(doc.low(j), "in" | "at" | "on"))));
        // "tells MSNBC’s “Morning Joe” on Friday that …": a short quoted
        // title in the object, the content after the "that" that follows.
        let stop = stop.map(|t| {
            if !matches!(doc.w(t), "“" | "\"") {
                return t;
            }
            let close = (t + 2..(t + 8).min(b)).find(|&k| matches!(doc.w(k), "”" | "\"")).filter(|&q| {
                // (A title: its words capitalised, "“Meet the Press”".)
                doc.w(t + 1).starts_with(char::is_uppercase) && (t + 1..q).all(|k| doc.w(k).starts_with(char::is_uppercase) || matches!(doc.low(k), "the" | "of" | "and" | "a" | "in" | "on"))
            });
            close.and_then(|q| (q + 1..(q + 6).min(b)).take_while(|&k| !matches!(doc.w(k), "." | ";" | ":" | "“" | "\"")).find(|&k| doc.low(k) == "that")).unwrap_or(t)
        });
        // "told supporters she was “very likely” to run": a quotation after
        // a clause of its own starts no content; the clause does.
        let stop = stop.filter(|&t| !(matches!(doc.w(t), "“" | "\"") && (c..t).any(|k| PRONOUN_SUBJECTS.contains(&doc.low(k)) || FINITE_AUXILIARIES.contains(&doc.low(k)))));
        // ("has not told about 410,000 borrowers that …": "about" a number is
        // the object's own word.)
        let question = matches!(doc.low(c), "whether" | "if" | "about" | "why" | "how" | "what" | "when" | "where" | "who") && !(doc.low(c) == "about" && doc.w(c + 1).starts_with(|ch: char| ch.is_ascii_digit()));
        if let Some(t) = stop.filter(|_| !question) {
            c = t;
        } else if !question && doc.low(c) != "to" {
            // "told reporters his office had …": a one-word object before
            // the content's own determiner or subject.
            // ("told residents not to wait", "told residents to leave": the
            // infinitive with its "to" and "not".)
            let opens_clause = matches!(doc.low(c + 1), "his" | "her" | "their" | "its" | "our" | "the" | "a" | "an" | "he" | "she" | "they" | "we" | "i" | "it" | "there" | "this" | "to")
                || doc.low(c + 1) == "not" && doc.low(c + 2) == "to";
            c = (c + if opens_clause { 1 } else { 2 }).min(b);
        }
    }
    // "announced Tuesday that …", "told Cruz backers Saturday night that
    // …", "indicated last month that …": a time between the cue (or its
    // object) and "that".
    let time_before_that = adjunct_len(doc, c);
    if time_before_that > 0 && doc.low(c + time_before_that) == "that" && (c..c + time_before_that).all(|k| !PRONOUN_SUBJECTS.contains(&doc.low(k))) {
        c += time_before_that;
    } else if c == cue_end && clause_after_adjunct {
        c += adjunct;
    } else if c > cue_end && !matches!(doc.low(c), "that" | ":" | ",") {
        // "told parliament on Tuesday the plan would …": after the object.
        let n = adjunct_len(doc, c);
        if n > 0 && opens_clause(doc, c + n, b) {
            c += n;
        }
    } else if c == cue_end {
        if let Some(comma) = adjunct_before_quotation(doc, quotes, c, b) {
            c = comma;
        }
    }
    // ("Daniel Eze, denied that, saying …": a "that" before a comma and a
    // participle is what was denied, and the search goes on after it; not
    // "said that, according to …, he", "that, thanks to …", "that, “…”".)
    if doc.low(c) == "that" && c + 2 < b && doc.w(c + 1) == "," && doc.low(c + 2).ends_with("ing") && !matches!(doc.low(c + 2), "according" | "including" | "excluding" | "assuming" | "during") && !learned_only {
        let att = Attribution { kind: Kind::Indirect, source, source_entity: None, source_type: SourceType::Person, cue: Some((cs, cue_end)), content: chars(doc, c, c + 1), parts: Vec::new(), stance };
        return Some((att, c + 1));
    }
    if matches!(doc.low(c), "that" | ":" | ",") {
        if doc.w(c) == ":" {
            cue_end = c + 1;
        }
        c += 1;
    }
    // "He said:" ending its sentence, the quotation after it (next paragraph too).
    if doc.w(c.saturating_sub(1)) == ":" && c >= b && !learned_only {
        if let Some(q) = quote_at(quotes, b) {
            let content = (doc.tokens[q.open].start, doc.tokens[q.close].end);
            let att = Attribution { kind: Kind::Direct, source, source_entity: None, source_type: SourceType::Person, cue: Some((cs, cue_end)), content: Some(content), parts: Vec::new(), stance };
            return Some((att, b));
        }
    }
    let clause = doc.low(c.saturating_sub(1)) == "that" || doc.w(c.saturating_sub(1)) == ":" && is_quote_mark(doc.w(c));
    let bare = !clause && !is_quote_mark(doc.w(c)) && c == cue_end;
    // "When Marlow noted that the fund was empty, the room …": the content
    // of a subordinate clause's cue ends with the clause.
    // So too "When asked about …, Cruz said …", "Asked if …, the senator
    // said …" and "Barkley, who said he votes …, said …": the main clause
    // after the comma has a cue of its own.
    let subordinate = source.is_some_and(|(s, _)| s > a && SUBORDINATORS.contains(&doc.low(s - 1)))
        || source.is_none() && (cs == a || SUBORDINATORS.contains(&doc.low(cs - 1)))
        // ("Mr. Guerrero, a Republican who described himself as a Catholic,
        // said …": a relative in an appositive, too.)
        || cs > a + 1 && doc.low(cs - 1) == "who" && (doc.w(cs - 2) == "," || (a..cs - 1).any(|k| doc.w(k) == ","));
    if c >= b || doc.low(c) == "to" && !OBJECT_VERBS.contains(&w) && !mined || weak && doc.low(cue_end) != "that" || learned_only && !clause {
        return None;
    }
    // The content ends at the sentence's end, or where an "according to" or a
    // ", SOURCE said" tail starts; a quotation that opens the content runs to its close.
    let mut end = b;
    for k in c..b {
        if subordinate && k > c && doc.w(k) == "," && !inside_quote(quotes, k) {
            end = k;
            break;
        }
        // "Citing “obligations in Tennessee,” the spokeswoman told …": the
        // comma inside the closing mark.
        if subordinate && k > c + 1 && matches!(doc.w(k), "”" | "\"") && doc.w(k - 1) == "," && k + 1 < b && !is_punct(doc.w(k + 1)) {
            end = k + 1;
            break;
        }
        if doc.w(k) == "," && (doc.low(k + 1) == "according" || k + 2 < b && is_speech_verb(doc.low(k + 2)) && doc.low(k + 1) != "that") {
            end = k;
            break;
        }
        if doc.low(k) == "and" && (coordinated_cue(doc, k + 1, b).is_some() || k > c && doc.w(k - 1) == "," && new_subject_cue(doc, k + 1, b)) {
            end = k;
            break;
        }
        if k > c && ends_content(doc, k, mined) && !inside_quote(quotes, k) && !inner_participle(doc, c, k) {
            end = k;
            break;
        }
        // "…people like me,'' according to a poll", "…,” which …": a
        // comma inside the closing mark ends the content as one after it
        // would; the mark stays in the content.
        if k > c + 1 && k + 1 < b && !inside_quote(quotes, k) && comma_mark_ends(doc, k, mined) && !inner_participle(doc, c, k) {
            end = k + 1;
            break;
        }
        // A bare object ("touted their record and attacked …") ends where the
        // next verb phrase starts. (Ending it at "during", "because", "after"
        // too lowered jaccard50 and exact on PolNeAR dev.)
        if bare && k > c && !inside_quote(quotes, k) && doc.low(k) == "and" && starts_verb_phrase(doc, k + 1) {
            end = k;
            break;
        }
        // "confirmed the breach in a statement on Friday": how it was said.
        if bare && k > c && doc.low(k) == "in" && matches!(doc.low(k + 1), "a" | "an" | "his" | "her" | "their" | "its" | "the") && (k + 2..(k + 5).min(b)).any(|j| is_medium(doc.low(j))) {
            end = k;
            break;
        }
    }
    let mut next = end;
    let mut y_chars = None;
    if matches!(doc.w(c), "“" | "\"") {
        if let Some(q) = quote_at(quotes, c) {
            if q.close >= end {
                y_chars = Some(doc.tokens[q.close].end);
                next = q.close + 1;
            }
        }
    }
    let (x, y) = trim(doc, c, end);
    if x >= y {
        return None;
    }
    let content = (doc.tokens[x].start, y_chars.unwrap_or(doc.tokens[y - 1].end));
    let kind = if y_chars.is_some() { Kind::Direct } else { kind_of(doc, x, y, quotes) };
    let att = Attribution { kind, source, source_entity: None, source_type: SourceType::Person, cue: Some((cs, cue_end)), content: Some(content), parts: Vec::new(), stance };
    Some((att, next))
}

/// `“…?” Fairweather said.` and `“…!” said Fairweather.`: a short sentence
/// of a source and a cue right after a quotation that ends in a question or
/// exclamation mark (so the sentence splitter cut it off). The content is that
/// quotation, and the next sentence's quotation, when one opens it, goes on.
fn after_closed_question(doc: &Doc, a: usize, b: usize, (cs, ce): (usize, usize), quotes: &[Quote], tail_len: usize) -> Option<(Attribution, usize)> {
    if a < 2 || !matches!(doc.w(a - 1), "”" | "\"") || !matches!(doc.w(a - 2), "?" | "!") || b - a > 14 {
        return None;
    }
    let q = quote_closing_at(quotes, a - 1).filter(|q| q.open < a - 1)?;
    let source = if cs > a && tail_len <= 4 {
        // "Fairweather said (on Monday)."
        trim(doc, a, cs)
    } else if cs == a && tail_len > 0 {
        trim(doc, ce, source_end(doc, ce, b))
    } else {
        return None;
    };
    if source.0 >= source.1 || source.1 - source.0 > 12 || (source.0..source.1).any(|k| matches!(doc.w(k), "“" | "\"" | "”")) {
        return None;
    }
    let mut parts = vec![(doc.tokens[q.open].start, doc.tokens[q.close].end)];
    let mut next = b;
    if let Some(c) = continuation(doc, quotes, b) {
        parts.push((doc.tokens[c.open].start, doc.tokens[c.close].end));
        next = c.close + 1;
    }
    let content = (parts[0].0, parts[parts.len() - 1].1);
    let att = Attribution {
        kind: Kind::Direct,
        source: Some(source),
        source_entity: None,
        source_type: SourceType::Person,
        cue: Some((cs, ce)),
        content: Some(content),
        parts: if parts.len() > 1 { parts } else { Vec::new() },
        stance: None,
    };
    Some((att, next))
}

/// A quotation that opens the sentence starting at token `b` (in the same
/// paragraph): it continues the speech of the sentence before.
fn continuation(doc: &Doc, quotes: &[Quote], b: usize) -> Option<Quote> {
    if b >= doc.tokens.len() || b == 0 {
        return None;
    }
    let gap = &doc.text[doc.tokens[b - 1].bend..doc.tokens[b].bstart];
    if gap.contains("\n\n") || !matches!(doc.w(b), "“" | "\"") {
        return None;
    }
    // ("“…?” he asked. “I do,” she replied.": a quotation with its own
    // speaker after it is that speaker's.)
    quote_at(quotes, b).filter(|q| {
        let end = doc.sentence_end(q.close.min(doc.tokens.len() - 1));
        !(q.close + 1..(q.close + 5).min(end)).any(|k| is_speech_verb(doc.low(k)))
    })
}

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "“" | "”" | "\"" | "‘" | "’")
}

/// Is `w` (lower case) a month's name or its abbreviation?
fn is_month(w: &str) -> bool {
    matches!(w, "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october" | "november" | "december" | "jan." | "feb." | "aug." | "sept." | "oct." | "nov." | "dec.")
}

/// Is token `k` an "on" before a day or a month ("on Monday", "on Dec. 5"),
/// no particle of the cue before it ("was charged on Monday with …")?
pub(crate) fn on_a_time(doc: &Doc, k: usize) -> bool {
    doc.low(k) == "on" && (is_time_word(doc.low(k + 1)) || is_month(doc.low(k + 1)))
}

pub(crate) fn is_time_word(w: &str) -> bool {
    matches!(w, "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "today" | "yesterday" | "tonight" | "earlier" | "later" | "recently")
}

/// Does a clause of at least three words open at token `f` (before the
/// sentence's end `b`): "that", a subject pronoun, a determiner or a name?
fn opens_clause(doc: &Doc, f: usize, b: usize) -> bool {
    // "said Wednesday, “Certainly …”": a quotation after a comma or colon.
    if matches!(doc.w(f), "," | ":") && f + 1 < b && is_quote_mark(doc.w(f + 1)) {
        return true;
    }
    (f..b).filter(|&k| !is_punct(doc.w(k))).count() >= 3
        && (matches!(doc.low(f), "that" | "he" | "she" | "it" | "they" | "we" | "i" | "the" | "a" | "an" | "his" | "her" | "its" | "their" | "there" | "this") || doc.w(f).starts_with(char::is_uppercase))
}

/// Where a relative clause ("who …", "which …") opens in the tokens
/// `from..end` of a source after its cue, else `end`: the name before it.
fn before_relative(doc: &Doc, from: usize, end: usize) -> usize {
    (from..end).find(|&k| matches!(doc.low(k), "who" | "whom" | "whose" | "which")).unwrap_or(end)
}

/// "said at a conference in Tel Aviv last week, “…”", "said last week in
/// Tel Aviv, “…”": a phrase of place or time (a preposition or a time word
/// first, at most twelve words, no quotation mark, no "that") between a cue
/// at `k` and a comma that opens a quotation; the comma's index.
fn adjunct_before_quotation(doc: &Doc, quotes: &[Quote], k: usize, b: usize) -> Option<usize> {
    let first = doc.low(k);
    let opens = matches!(first, "in" | "at" | "on" | "during" | "after" | "before" | "from" | "last" | "this" | "earlier" | "later") || is_time_word(&first);
    // "said, on the other hand, “…”": a connective, which the content keeps.
    let connective = first == "on" && doc.low(k + 2) == "other" || first == "in" && matches!(doc.low(k + 1), "fact" | "turn" | "addition" | "short" | "particular" | "general" | "effect");
    if !opens || connective {
        return None;
    }
    let comma = (k + 1..(k + 13).min(b)).find(|&j| doc.w(j) == "," || is_quote_mark(doc.w(j)) || doc.low(j) == "that" || matches!(doc.w(j), ";" | ":" | "."))?;
    // A determiner only right after a preposition: "noted on Twitter the
    // change from the slogan, “…”" has an object, which the content keeps.
    let preposition = |j: usize| matches!(doc.low(j), "in" | "at" | "on" | "during" | "after" | "before" | "from" | "of" | "to" | "for" | "with");
    let object = (k + 1..comma).any(|j| matches!(doc.low(j), "the" | "a" | "an" | "his" | "her" | "their" | "its") && !preposition(j - 1));
    (!object && doc.w(comma) == "," && comma + 1 < b && matches!(doc.w(comma + 1), "“" | "\"") && quote_at(quotes, comma + 1).is_some()).then_some(comma)
}

/// The length of an adjunct opening at token `k`: "Monday", "on Monday",
/// "last week", "this morning", "earlier this month", and a short phrase
/// before a subject pronoun ("in a statement it …"); 0 if none.
fn adjunct_len(doc: &Doc, k: usize) -> usize {
    let unit = |w: &str| is_time_word(w) || is_time_unit(w);
    let w = doc.low(k);
    // ("Saturday night", "Tuesday morning")
    if is_time_word(&w) && !matches!(w, "earlier" | "later") {
        return if matches!(doc.low(k + 1), "night" | "morning" | "afternoon" | "evening") { 2 } else { 1 };
    }
    if w == "on" && is_time_word(doc.low(k + 1)) {
        // ("on Friday morning")
        return if matches!(doc.low(k + 2), "night" | "morning" | "afternoon" | "evening") { 3 } else { 2 };
    }
    if matches!(w, "last" | "this" | "next") && unit(doc.low(k + 1)) {
        return 2;
    }
    if matches!(w, "earlier" | "later") && matches!(doc.low(k + 1), "this" | "that" | "last") && unit(doc.low(k + 2)) {
        return 3;
    }
    // "in a statement it would …", "in Paris they …": a short phrase
    // before a subject pronoun.
    if matches!(w, "in" | "on" | "at" | "during") {
        if let Some(p) = (k + 2..k + 6).find(|&j| matches!(doc.w(j), "he" | "she" | "it" | "they" | "we" | "I" | "there")) {
            if (k + 1..p).all(|j| !is_punct(doc.w(j)) && !matches!(doc.low(j), "that" | "and" | "but")) {
                return p - k;
            }
        }
    }
    0
}

/// Is the content no content: only time words and sentence adverbs
/// ("Friday", "Still", "For years", "in 2010": "filed one of the original
/// complaints in 2010")? (Dropping contents inside their own
/// source too cost PolNeAR dev 0.3 jaccard50: the source is the wrong part.)
fn empty_content(doc: &Doc, att: &Attribution) -> bool {
    let Some((s, e)) = att.content else { return false };
    // "could not be reached for comment on Thursday": a refusal needs no content.
    if !att.parts.is_empty() || att.kind == Kind::NoComment {
        return false;
    }
    let (x, y) = tokens_of(doc, (s, e));
    let words: Vec<&str> = (x..y).filter(|&k| !is_punct(doc.w(k))).map(|k| doc.low(k)).collect();
    // "the 10-day forecast, he said": a pronoun and a verb of saying are
    // another attribution's frame, not this one's content.
    let frame = words.len() == 2 && PRONOUN_SUBJECTS.contains(&words[0]) && is_speech_verb(words[1]);
    // "has not disclosed to its customers": whom it was told, not what.
    let recipient = words.len() <= 4 && words.len() >= 2 && words[0] == "to" && matches!(words[1], "its" | "their" | "his" | "her" | "the" | "our" | "my" | "reporters" | "investigators" | "lawmakers");
    // "Mr. King told me.": the listener alone.
    let listener = words.len() == 1 && matches!(words[0], "me" | "him" | "her" | "us" | "them" | "reporters");
    let frame = frame || recipient || listener;
    // "spoke for nearly an hour on Tuesday": a length of time.
    let unit = |w: &str| matches!(w, "hour" | "hours" | "minute" | "minutes" | "second" | "seconds" | "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years" | "decade" | "decades");
    let duration = words.len() <= 7
        && words.iter().any(|&w| unit(w))
        && words.iter().all(|&w| unit(w) || is_time_word(w) || w.chars().all(|c| c.is_ascii_digit()) || matches!(w, "nearly" | "about" | "almost" | "more" | "than" | "less" | "over" | "an" | "a" | "one" | "two" | "three" | "several" | "few" | "half" | "on" | "for" | "at" | "least" | "roughly" | "some"));
    // "responded on Twitter", "noted in an op-ed Thursday": the medium, and
    // perhaps when.
    let platform = |w: &str| MEDIUM_NOUNS.contains(&w) || matches!(w, "twitter" | "facebook" | "instagram" | "youtube" | "tiktok" | "x" | "television" | "radio" | "tv" | "air" | "camera" | "record");
    let medium = words.len() >= 2
        && words.len() <= 5
        && matches!(words[0], "in" | "on" | "via" | "through" | "over")
        && words.iter().any(|&w| platform(w))
        && words.iter().all(|&w| platform(w) || is_time_word(w) || matches!(w, "in" | "on" | "via" | "through" | "over" | "a" | "an" | "the" | "his" | "her" | "its" | "their" | "last" | "this" | "night" | "morning"));
    // "reported just today", "said shortly afterward", "9:21 p.m.".
    let clock = |w: &str| w.chars().any(|c| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_digit() || c == ':');
    // ("conceded shortly after 10 p.m.")
    let at_clock = words.len() <= 5 && words.iter().any(|&w| matches!(w, "p.m." | "a.m." | "pm" | "am" | "noon" | "midnight")) && words.iter().all(|&w| clock(w) || is_time_word(w) || matches!(w, "p.m." | "a.m." | "pm" | "am" | "noon" | "midnight" | "just" | "shortly" | "soon" | "after" | "before" | "around" | "about" | "at" | "by" | "until" | "on"));
    frame || duration || medium || at_clock || !words.is_empty() && words.len() <= 3 && words.iter().all(|&w| is_time_word(w) || is_month(w) || w.chars().all(|c| c.is_ascii_digit()) || clock(w) || matches!(w, "just" | "shortly" | "afterward" | "afterwards" | "ago" | "p.m." | "a.m." | "pm" | "am" | "still" | "for" | "years" | "months" | "weeks" | "days" | "now" | "then" | "again" | "also" | "meanwhile" | "however" | "morning" | "night" | "evening" | "afternoon" | "last" | "this" | "week" | "year" | "in" | "on" | "at" | "since" | "until" | "during" | "early" | "late"))
}

/// Does the content of an indirect attribution end before token `k`? At a
/// comma that opens another clause (", but", ", which", ", arguing"), at "but",
/// and, after a cue that is not a verb of saying, at any comma.
fn ends_content(doc: &Doc, k: usize, mined: bool) -> bool {
    let w = doc.w(k);
    if matches!(w, ";" | "—" | "―") {
        return true;
    }
    if doc.low(k) == "but" {
        return true;
    }
    w == "," && comma_ends(doc, k, mined)
}

/// Does a content end at the comma (or the closing mark after a comma) at
/// `k`, by what follows it?
fn comma_ends(doc: &Doc, k: usize, mined: bool) -> bool {
    if mined || trailing_attribution(doc, k) {
        return true;
    }
    let next = doc.low(k + 1);
    matches!(
        next,
        "but" | "while" | "although" | "though" | "which" | "whereas" | "because" | "since" | "even" | "including" | "according" | "despite" | "unless" | "as" | "in" | "during" | "at" | "after" | "before" | "compared"
    ) || next.len() > 4 && next.ends_with("ing") && next != "nothing" && next != "something"
}

/// "said that Obama wrote to Khamenei, suggesting that …": a participle of
/// saying after the comma at `k` goes with a verb of saying inside the
/// content that starts at `c` (what was written), so the content goes on.
/// Otherwise (", adding that …") it is a cue of the source's own: PolNeAR's
/// training split marks 100 of 112 such participles as cues, and the content
/// before them ends at the comma.
pub(crate) fn inner_participle(doc: &Doc, c: usize, k: usize) -> bool {
    let next = doc.low(k + 1);
    doc.w(k) == "," && next.ends_with("ing") && is_speech_verb(next) && doc.low(k + 2) == "that" && (c..k).any(|j| is_speech_verb(doc.low(j)))
}

/// "Cruz called Trump a "pathological liar" who is "utterly amoral," a
/// "serial philanderer," a "bully" and a "narcissist."": a content of a
/// naming verb that stops at a comma goes on over a list of quoted epithets
/// ("a"/"an" or "and" and a quotation each), to the sentence's end.
fn quoted_epithets(doc: &Doc, att: &mut Attribution) {
    let (Some((s, e)), Some((cs, ce)), true) = (att.content, att.cue, att.parts.is_empty()) else { return };
    if !matches!(doc.low(ce - 1), "called" | "calling" | "labeled" | "branded" | "dubbed" | "described" | "deemed") || doc.tokens[cs].start > s {
        return;
    }
    let b = doc.sentence_end(cs);
    let mut y = doc.tokens.partition_point(|t| t.start < e);
    let mut grew = false;
    // Past a comma (inside or after the quotation's close) or "and", and
    // another quoted epithet, to its closing mark.
    while y < b {
        let mut k = y;
        // (A straight mark here opens the next quotation.)
        while k < b && matches!(doc.w(k), "," | "”") {
            k += 1;
        }
        let comma_inside = y >= 2 && matches!(doc.w(y - 1), "”" | "\"") && doc.w(y - 2) == ",";
        let mut j = k;
        while j < b && matches!(doc.low(j), "and" | "or" | "a" | "an" | "the") {
            j += 1;
        }
        let separated = k > y || comma_inside || matches!(doc.low(k), "and" | "or");
        if !separated || j >= b || !matches!(doc.w(j), "“" | "\"") {
            break;
        }
        let Some(close) = (j + 2..b).find(|&c| matches!(doc.w(c), "”" | "\"")) else { break };
        y = close + 1;
        grew = true;
    }
    if grew {
        let x = doc.tokens.partition_point(|t| t.end <= s);
        let (tx, ty) = trim(doc, x, y);
        if let Some(span) = chars(doc, tx, ty) {
            att.content = Some(span);
        }
    }
}

/// "called the law a “crazy system” during a campaign stop in Flint",
/// "demanded more school investment in a statement on Thursday": where and
/// how the words were said, at the end of a content after its cue, is no
/// part of them. Only after a short content that is no clause (a noun
/// phrase or an object and its complement), since a clause's own adjuncts
/// are its ("he will campaign during the debate season").
fn event_adjunct_tail(doc: &Doc, att: &mut Attribution) {
    let (Some((s, e)), Some((_, ce)), true) = (att.content, att.cue, att.parts.is_empty()) else { return };
    if !matches!(att.kind, Kind::Indirect) {
        return;
    }
    let (x, y) = tokens_of(doc, (s, e));
    if x < ce || y <= x + 1 || (x..y).any(|k| is_quote_mark(doc.w(k))) || matches!(doc.low(x), "that" | "whether" | "if") {
        return;
    }
    let event = |k: usize| is_medium(doc.low(k)) || matches!(doc.low(k), "forum" | "stop" | "hearing" | "session" | "town" | "event" | "fundraiser" | "visit" | "meeting" | "show" | "program");
    // A clause before the adjunct has its own adjuncts: the first verb-like
    // word ends the search; a verb after the adjunct makes it no tail. (Each
    // found once: contents run to a hundred words.)
    let first_verb = (x..y)
        .find(|&j| finite_past(doc, j) || FINITE_AUXILIARIES.contains(&doc.low(j)) || doc.w(j).starts_with(char::is_lowercase) && doc.low(j).ends_with('s') && j > x && !doc.low(j).ends_with("ss"))
        .unwrap_or(y);
    let last_past = (x..y).rev().find(|&j| finite_past(doc, j));
    let cut = (x + 1..first_verb.min(y)).find(|&k| {
        let w = doc.low(k);
        // "during the debate", "in a statement", "in an email": not "in
        // the interview last week" (PolNeAR keeps a definite one).
        // ("at a news conference on Monday", "at a rally in Ohio")
        let at_event = w == "at" && matches!(doc.low(k + 1), "a" | "an" | "his" | "her" | "their" | "its") && (k + 2..(k + 4).min(y)).any(|j| matches!(doc.low(j), "conference" | "briefing" | "rally" | "hearing" | "forum" | "town"));
        let opener = w == "during" && (k + 1..(k + 7).min(y)).any(event) || w == "in" && matches!(doc.low(k + 1), "a" | "an" | "his" | "her" | "their" | "its") && (k + 2..(k + 4).min(y)).any(|j| is_medium(doc.low(j))) || at_event;
        opener && last_past.is_none_or(|v| v < k)
    });
    let Some(k) = cut else { return };
    let (tx, ty) = trim(doc, x, k);
    if let Some(span) = chars(doc, tx, ty) {
        att.content = Some(span);
    }
}

/// Nouns of the medium something was said in ("in an interview", "in his
/// weekly column", "in an on-air diatribe").
fn is_medium(w: &str) -> bool {
    matches!(
        w,
        "statement" | "interview" | "email" | "letter" | "post" | "tweet" | "speech" | "filing" | "article" | "op-ed" | "essay" | "column" | "editorial" | "diatribe" | "appearance" | "address" | "memo" | "video" | "ad" | "broadcast" | "podcast" | "blog" | "book" | "remarks" | "testimony" | "rally" | "debate" | "briefing" | "conference" | "call" | "message" | "posting" | "tweets" | "statements"
    )
}

/// "…, the official said." / "…, said the official.": after the comma at `k`
/// the sentence ends in a short source and a verb of saying, an attribution
/// of its own that takes the whole clause before it (the content of a cue
/// inside that clause ends at the comma).
fn trailing_attribution(doc: &Doc, k: usize) -> bool {
    let end = doc.sentence_end(k);
    let words = |x: usize, y: usize| (x..y).all(|j| !is_punct(doc.w(j)) && !is_quote_mark(doc.w(j)));
    let last = (k + 1..end).rev().find(|&j| !is_punct(doc.w(j))).unwrap_or(k);
    if last <= k + 1 || last - k > 8 || !(last + 1..end).all(|j| matches!(doc.w(j), "." | "!" | "?")) {
        return false;
    }
    let verb = |j: usize| matches!(doc.low(j), "said" | "says" | "say" | "added" | "reported" | "wrote" | "noted" | "argued" | "warned" | "insisted" | "acknowledged" | "explained" | "cautioned");
    // ", SOURCE said (Monday)." or ", said SOURCE."
    (k + 2..=last).any(|j| verb(j) && words(k + 1, j) && last - j <= 2 && (j + 1..=last).all(|t| is_time_word(doc.low(t)) || matches!(doc.low(t), "on" | "last" | "this")))
        || verb(k + 1) && words(k + 2, last + 1) && last - k - 1 <= 6
}

/// Does a content end after the closing mark at `k`, which follows a comma,
/// by what follows the mark (any comma ends a mined cue's content)?
pub(crate) fn comma_mark_ends(doc: &Doc, k: usize, mined: bool) -> bool {
    matches!(doc.w(k), "”" | "\"") && comma_before_mark(doc, k) && comma_ends(doc, k, mined)
}

/// Is the closing mark at `k` right after a comma (`,”`, or `,''` read as
/// `,'"`)?
fn comma_before_mark(doc: &Doc, k: usize) -> bool {
    let p = if k >= 2 && doc.w(k - 1) == "'" && doc.tokens[k - 1].bend == doc.tokens[k].bstart { k - 2 } else { k - 1 };
    doc.w(p) == ","
}

/// Does a verb phrase start at token `k` ("attacked", "said", "has promised")?
fn starts_verb_phrase(doc: &Doc, k: usize) -> bool {
    let mut v = k;
    while AUXILIARIES.contains(&doc.low(v)) && v < k + 3 {
        v += 1;
    }
    let w = doc.low(v);
    let raw = doc.w(v);
    if raw.chars().next().is_none_or(|c| !c.is_lowercase()) {
        return false;
    }
    is_speech_verb(w) || cue_rate(&w) > 0.0 || w.len() > 4 && w.ends_with("ed") || v > k && w.len() > 3 && !is_punct(&w)
        || matches!(w, "made" | "took" | "gave" | "went" | "sent" | "began" | "became" | "got" | "left" | "won" | "lost" | "met" | "ran" | "saw" | "kept" | "held" | "brought" | "led" | "paid" | "spent" | "put" | "set" | "cut")
}

/// A cue starting at `k` (auxiliaries, then a verb of saying followed by
/// "that"): returns the verb's index.
fn coordinated_cue(doc: &Doc, k: usize, b: usize) -> Option<usize> {
    let mut v = k;
    while v < b && AUXILIARIES.contains(&doc.low(v)) {
        v += 1;
    }
    // "… and said the group hired …": a bare "said" with a clause after it.
    let bare_said = || matches!(doc.low(v), "said" | "says" | "added" | "adds") && v + 3 < b && opens_clause(doc, v + 1, b);
    (v < b && is_speech_verb(doc.low(v)) && (doc.low(v + 1) == "that" || bare_said())).then_some(v)
}

/// "…, and human rights groups warned that …", "…, and three-quarters said
/// …": from `k` a short subject of its own (words only, no verb of saying),
/// then a cue with "that", or within four words a bare "said".
fn new_subject_cue(doc: &Doc, k: usize, b: usize) -> bool {
    (k + 1..(k + 7).min(b)).any(|j| {
        (coordinated_cue(doc, j, b).is_some() || j - k <= 4 && matches!(doc.low(j), "said" | "say" | "says"))
            && !AUXILIARIES.contains(&doc.low(j - 1))
            && (k..j).all(|t| !is_punct(doc.w(t)) && !is_quote_mark(doc.w(t)) && !is_speech_verb(doc.low(t)) && doc.low(t) != "that")
    })
}

/// The start of the last cue (auxiliaries included) before token `end` in the
/// clause, for a coordinated cue to share its subject.
fn first_cue_before(doc: &Doc, a: usize, end: usize) -> Option<usize> {
    let mut found = None;
    for v in a..end {
        if is_speech_verb(doc.low(v)) && doc.low(v + 1) == "that" {
            found = Some(cue_start(doc, a, v));
            break;
        }
    }
    found
}

/// The inverted frame: content before the source and cue; a quotation after
/// them continues it (`“A,” he said, “B.”`).
#[allow(clippy::too_many_arguments)]
fn inverted(doc: &Doc, a: usize, b: usize, content_end: usize, src: (usize, usize), cue: (usize, usize), quotes: &[Quote], next: usize) -> Option<(Attribution, usize)> {
    // The content starts at the sentence's start, or at the quotation that ends here.
    let mut start = a;
    let mut first_quote = None;
    let mut k = content_end;
    while k > a && matches!(doc.w(k - 1), "”" | "\"" | "," | ".") {
        k -= 1;
    }
    // Quotations are in order: the first closing at k - 1 or later is the only candidate.
    if let Some(q) = first_closing_from(quotes, k.saturating_sub(1)).filter(|q| q.close < content_end + 2 && q.open < content_end) {
        start = q.open;
        first_quote = Some(q);
    }
    let (x, y) = trim(doc, start, content_end);
    if x >= y {
        return None;
    }
    let mut first = (doc.tokens[x].start, doc.tokens[y - 1].end);
    if let Some(q) = first_quote {
        first = (doc.tokens[q.open].start, doc.tokens[q.close.min(content_end)].end.max(first.1));
    }
    let mut parts = vec![first];
    let mut next = next;
    // “A,” he said, “B.”
    let after = cue.1.max(src.1);
    let mut k = after;
    while k < b && doc.w(k) == "," {
        k += 1;
    }
    // “A,” he said, pointing at the mayor, “B.” — a short aside between.
    if k < b && !matches!(doc.w(k), "“" | "\"") && after < b && doc.w(after) == "," {
        if let Some(q) = (k + 1..(k + 12).min(b)).find(|&q| matches!(doc.w(q), "“" | "\"") && doc.w(q - 1) == ",") {
            // ("“A,” he said, adding, “B.”": a verb of saying in the aside
            // is a cue of its own, and the quotation after it its content.)
            if (k..q).all(|t| !is_quote_mark(doc.w(t)) && !is_speech_verb(doc.low(t))) && doc.w(k).chars().next().is_some_and(char::is_lowercase) {
                k = q;
            }
        }
    }
    if k < doc.tokens.len() && matches!(doc.w(k), "“" | "\"") && (k <= after + 2 || doc.w(k - 1) == ",") {
        if let Some(q) = quote_at(quotes, k) {
            parts.push((doc.tokens[q.open].start, doc.tokens[q.close].end));
            next = q.close + 1;
        }
    } else if first_quote.is_some() {
        // “A,” he said in August. “B.” — the next sentence's quotation goes on.
        if let Some(q) = continuation(doc, quotes, b) {
            parts.push((doc.tokens[q.open].start, doc.tokens[q.close].end));
            next = q.close + 1;
        }
    }
    let content = (parts[0].0, parts[parts.len() - 1].1);
    let kind = if first_quote.is_some() {
        Kind::Direct
    } else {
        kind_of(doc, x, y, quotes)
    };
    let (ss, se) = trim(doc, src.0, src.1);
    let source = (ss < se).then_some((ss, se));
    let att = Attribution {
        kind,
        source,
        source_entity: None,
        source_type: SourceType::Person,
        cue: Some(cue),
        content: Some(content),
        parts: if parts.len() > 1 { parts } else { Vec::new() },
        stance: None,
    };
    Some((att, next))
}

/// Is `a..b` a name with its appositive and nothing more: it opens with a
/// capital (not a leading "But"), has a comma inside, and holds no
/// quotation mark and no word that looks like a verb?
fn name_only(doc: &Doc, a: usize, b: usize) -> bool {
    b > a + 2
        && b - a <= 20
        && doc.w(a).starts_with(char::is_uppercase)
        && !LEADING.contains(&doc.low(a))
        && (a + 1..b - 1).any(|k| doc.w(k) == ",")
        && !(a..b).any(|k| {
            let w = doc.low(k);
            // ("The lawsuit, filed in federal court in San Jose, says …": a
            // participle right after a comma opens an aside, no clause.)
            let participle = k > a && doc.w(k - 1) == "," && w.ends_with("ed") && !AUXILIARIES.contains(&w);
            is_quote_mark(doc.w(k)) || looks_like_verb(doc, k) && !participle || is_speech_verb(w) || matches!(w, "'s" | "’s") || doc.w(k).starts_with(char::is_lowercase) && w.len() > 3 && w.ends_with("ing")
        })
}

/// Does token `k` look like a finite verb, without a tagger: an auxiliary,
/// a common irregular past ("made", "won"), or a lower-case word in -ed?
fn looks_like_verb(doc: &Doc, k: usize) -> bool {
    let w = doc.low(k);
    AUXILIARIES.contains(&w) || IRREGULAR_PAST.contains(&w) || doc.w(k).starts_with(char::is_lowercase) && w.len() > 3 && w.ends_with("ed")
}

/// Resolve the source to an entity and give it a type.
fn classify_source(doc: &Doc, entities: &[Entity], att: &mut Attribution) {
    let Some((s, e)) = att.source else {
        att.source_type = SourceType::Anonymous;
        return;
    };
    // "Democratic candidates, including Hillary Clinton": the group, not
    // one it includes.
    let e = (s + 1..e.saturating_sub(1)).find(|&k| doc.w(k) == "," && doc.low(k + 1) == "including").unwrap_or(e);
    // A lone relative is who it stands for ("Ed Pierson, a former Boeing
    // manager who has raised concerns").
    let (s, e) = if e == s + 1 && matches!(doc.low(s), "who" | "which") {
        let a = doc.sentence_start(s);
        relative_antecedent(doc, a, s).unwrap_or((s, e))
    } else {
        (s, e)
    };
    // A name that is the source's whole first phrase is who it is,
    // whatever names its appositive holds ("Fallow Creek Capital, the firm
    // that owns a stake in Brackwater", "Microsoft, Google's partner").
    let first = if matches!(doc.low(s), "the") { s + 1 } else { s };
    let head_name = entities.iter().position(|ent| {
        matches!(ent.kind, EntityKind::Person | EntityKind::Organization)
            && ent.mentions.iter().any(|m| m.kind == MentionKind::Name && m.tok_start == first && m.tok_end < e && doc.w(m.tok_end) == ",")
    });
    // ("Steven Cheung, a Trump spokesman": the name, whatever the
    // appositive's head; it had been "anonymous" for its "spokesman".)
    if let Some(ei) = head_name {
        att.source_entity = Some(ei);
        att.source_type = match entities[ei].kind {
            EntityKind::Person => SourceType::Person,
            _ if entities[ei].media => SourceType::Media,
            _ => SourceType::Organization,
        };
        return;
    }
    // ("Mr. Price's family", "The Price family", "relatives of the
    // victims": a family speaks together, a group of people; the resolver
    // makes it one, affiliated to its possessor.)
    if e > s + 1 && e <= s + 5 && matches!(doc.low(e - 1), "family" | "families" | "relatives") && doc.w(e - 1).starts_with(char::is_lowercase) && !(s..e).any(|k| has_verb_form(doc, k) || is_punct(doc.w(k))) {
        att.source_type = SourceType::Anonymous;
        att.source_entity = None;
        return;
    }
    // Entities mentioned inside the source, first person first; a
    // possessor ("Mr. Smith's lawyer, Jane Roe") after the others.
    let mut best: Option<(usize, u8)> = None;
    // ("two people who have seen the posts and who spoke on condition of
    // anonymity because they were not authorized …": a pronoun in a
    // clause of reason is the speakers' own, not another's.)
    let reason = (s + 2..e).find(|&k| matches!(doc.low(k), "because" | "since" | "although")).unwrap_or(e);
    for (ei, ent) in entities.iter().enumerate() {
        for m in &ent.mentions {
            if m.tok_start >= s && m.tok_end <= e && !(m.kind == MentionKind::Pronoun && m.tok_start > reason) {
                let rank = match (ent.kind, ent.media) {
                    (EntityKind::Person, _) => 0,
                    (EntityKind::Organization, true) => 1,
                    (EntityKind::Organization, false) => 2,
                    (EntityKind::Group, _) => 3,
                    (EntityKind::Place, _) => 4,
                    (EntityKind::Misc, _) => 6,
                };
                let rank = if m.kind == MentionKind::Name { rank } else { rank + 1 };
                let possessor = m.tok_end < e && matches!(doc.w(m.tok_end), "’s" | "'s");
                let rank = if possessor { rank + 8 } else { rank };
                if best.is_none_or(|(_, r)| rank < r) {
                    best = Some((ei, rank));
                }
            }
        }
    }
    let words: Vec<&str> = (s..e).map(|k| doc.low(k)).collect();
    let has_document = words.iter().any(|w| DOCUMENT_HEADS.contains(&w));
    let head = words.last().cloned().unwrap_or_default();
    // The noun the source's phrase is about, before what qualifies it:
    // "Aides to the speaker", "a summary released by the governor's office",
    // "Mayor Sobczak's office", "most of his own caucus".
    let h = noun_head(doc, s, e);
    let hw = doc.low(h);
    let covering = |kinds: &[EntityKind]| entities.iter().enumerate().find(|(_, ent)| kinds.contains(&ent.kind) && ent.mentions.iter().any(|m| m.tok_start <= h && h < m.tok_end && m.kind == MentionKind::Name)).map(|(ei, _)| ei);
    // "Her spokesman, Jerome Batiste": a name in apposition is the source.
    let appositive_name = entities.iter().any(|ent| {
        matches!(ent.kind, EntityKind::Person | EntityKind::Organization) && ent.mentions.iter().any(|m| m.kind == MentionKind::Name && m.tok_start > h && m.tok_end <= e && doc.w(m.tok_start - 1) == ",")
    });
    let named = appositive_name || covering(&[EntityKind::Person, EntityKind::Organization]).is_some();
    // (Capitalised as a sentence's first word, or after a dateline's dash;
    // not the authors of a document: "a study last year by economists at
    // Duke University".)
    let opening = h == doc.sentence_start(h) || h > 0 && h == s && matches!(doc.w(h - 1), "—" | "–" | "--");
    let people = PEOPLE_HEADS.contains(&hw) && (doc.w(h).starts_with(char::is_lowercase) || opening) && !(s..h).any(|k| DOCUMENT_HEADS.contains(&doc.low(k)));
    // ("A former accountant at Kestrel Energy", "a lawyer for the
    // company": an unnamed holder of a role, someone of the body named.)
    let unnamed_role = matches!(doc.low(s), "a" | "an" | "one" | "another") && dossier_language::entities::ROLE_HEADS.contains(&hw) && doc.w(h).starts_with(char::is_lowercase);
    if h + 1 < e && !named {
        if ANONYMOUS_HEADS.contains(&hw) || people || unnamed_role {
            att.source_type = SourceType::Anonymous;
            att.source_entity = best.map(|(ei, _)| ei).filter(|&ei| entities[ei].kind == EntityKind::Group);
            return;
        }
        // ("a letter … reviewed by The Washington Post": a document an
        // outlet saw is no outlet's report.)
        let seen_by = (s + 1..e).any(|k| doc.low(k) == "by" && matches!(doc.low(k - 1), "reviewed" | "obtained" | "seen" | "viewed" | "examined" | "described"));
        if DOCUMENT_HEADS.contains(&hw) && !best.is_some_and(|(ei, _)| entities[ei].media && !seen_by) {
            att.source_type = SourceType::Document;
            att.source_entity = best.map(|(ei, _)| ei);
            return;
        }
    }
    if ORGANIZATION_HEADS.contains(&hw) && !named {
        // "Most of his own caucus", "some of the committee": a share of a
        // body's members, people it does not name.
        if h > s && (s..h).any(|k| doc.low(k) == "of") && QUANTITIES.contains(&doc.low(s)) {
            att.source_type = SourceType::Anonymous;
            att.source_entity = best.map(|(ei, _)| ei).filter(|&ei| entities[ei].kind == EntityKind::Group);
            return;
        }
        // "Mayor Sobczak's office", "the Harrowgate economic development
        // office": an office, not the person or place that names it.
        att.source_type = SourceType::Organization;
        // a group the language layer made of it ("the state budget office")
        att.source_entity = covering(&[EntityKind::Organization]).or_else(|| {
            entities.iter().position(|ent| ent.kind == EntityKind::Group && ent.mentions.iter().any(|m| m.tok_start >= s && m.tok_start <= h && h < m.tok_end && m.tok_end <= e))
        });
        return;
    }
    // "Iranian officials", "Obama's aides": a collective noun heads the source;
    // the names before it only qualify it.
    let person_named = best.is_some_and(|(ei, _)| entities[ei].kind == EntityKind::Person && entities[ei].mentions.iter().any(|m| m.tok_end == e));
    // ("The Federal Aviation Administration declined": the head is an
    // organisation's name, not "the administration"'s officials.)
    let organization_named = covering(&[EntityKind::Organization]).is_some_and(|ei| entities[ei].mentions.iter().any(|m| m.kind == MentionKind::Name && m.tok_end == e && m.tok_start <= h));
    if ANONYMOUS_HEADS.contains(&head) && !person_named && !organization_named {
        att.source_type = SourceType::Anonymous;
        // The language layer may already know the group ("Iranian officials").
        att.source_entity = best.map(|(ei, _)| ei).filter(|&ei| entities[ei].kind == EntityKind::Group);
        return;
    }
    // ("A spokesman for Mr. Caldwell, Tim Reyes": the person in apposition
    // to the head, not the one the head is of.)
    let appositive_person = entities.iter().position(|ent| {
        ent.kind == EntityKind::Person && ent.mentions.iter().any(|m| m.kind == MentionKind::Name && m.tok_start > h && m.tok_end <= e && doc.w(m.tok_start - 1) == "," && (m.tok_end == e || doc.w(m.tok_end) == ","))
    });
    let best = match (best, appositive_person) {
        (Some((bi, r)), Some(ai)) if entities[bi].kind == EntityKind::Person && bi != ai && matches!(doc.low(h + 1), "for" | "to" | "of") => Some((ai, r)),
        (b, _) => b,
    };
    if let Some((ei, _)) = best {
        let ent = &entities[ei];
        att.source_entity = Some(ei);
        att.source_type = match ent.kind {
            EntityKind::Person => SourceType::Person,
            EntityKind::Organization if ent.media => SourceType::Media,
            EntityKind::Group => SourceType::Anonymous,
            _ if has_document => SourceType::Document,
            _ => SourceType::Organization,
        };
        if ent.kind == EntityKind::Person && ANONYMOUS_HEADS.contains(&head) && head.ends_with('s') {
            // "Obama's aides": the aides, not Obama.
            att.source_type = SourceType::Anonymous;
        }
        // "Mr. Dunmore's lawyer", "His lawyer": someone of the person's, not
        // the person (the resolver makes a group affiliated to them).
        let possessed = e == s + 2 && matches!(doc.low(s), "his" | "her" | "their") || e >= s + 3 && matches!(doc.w(e - 2), "’s" | "'s");
        let role = ANONYMOUS_HEADS.contains(&head) || dossier_language::entities::ROLE_HEADS.contains(&head) || matches!(head, "lawyers" | "attorneys" | "publicist");
        if ent.kind == EntityKind::Person && possessed && role && doc.w(e - 1).starts_with(char::is_lowercase) && !ent.mentions.iter().any(|m| m.tok_start < e && e - 1 < m.tok_end) {
            att.source_type = SourceType::Anonymous;
            att.source_entity = None;
        }
        // "Some Republican strategists": people a word before them
        // qualifies, not the party the tagger found in that word.
        let people = h + 1 == e && hw.len() > 3 && hw.ends_with('s') && !hw.ends_with("ss") && !hw.ends_with("sis") && !has_document && doc.w(h).starts_with(char::is_lowercase);
        if matches!(ent.kind, EntityKind::Misc | EntityKind::Place) && people && !ent.mentions.iter().any(|m| m.tok_start <= h && h < m.tok_end) {
            att.source_type = SourceType::Anonymous;
            att.source_entity = None;
        }
        return;
    }
    att.source_type = if has_document {
        SourceType::Document
    } else if ANONYMOUS_HEADS.contains(&head) || matches!(head, "they" | "who") {
        SourceType::Anonymous
    } else if words.len() == 1 && matches!(head, "he" | "she" | "i") {
        SourceType::Person
    } else if e - s <= 3
        && (s..e).all(|k| doc.w(k).chars().next().is_some_and(char::is_uppercase) || matches!(doc.w(k), "." | "-"))
        && !(s..e).any(|k| doc.low(k) == "the")
        // "Inspectors recommended": a sentence's first word is capitalised anyway.
        && (s != doc.sentence_start(s) || e - s > 1 || !doc.low(s).ends_with('s') || doc.w(s).chars().all(|c| !c.is_lowercase()))
    {
        // A name the language layer did not know ("Okafor", "TAPPER" in a
        // transcript): a person, not an anonymous group.
        SourceType::Person
    } else if (s..e).any(|k| doc.w(k).chars().next().is_some_and(char::is_uppercase) && k > s) {
        SourceType::Organization
    } else {
        SourceType::Anonymous
    };
}

/// The head of the noun phrase `s..e` (tokens): its last word before a
/// comma, a preposition, a relative or a participle with "by" that opens what
/// qualifies it; after "of" when what comes before is a quantity ("most of
/// his own caucus", "one of the aides").
fn noun_head(doc: &Doc, s: usize, e: usize) -> usize {
    let mut start = s;
    let mut k = s + 1;
    while k < e {
        let w = doc.low(k);
        if w == "of" && (start..k).all(|j| QUANTITIES.contains(&doc.low(j)) || matches!(doc.low(j), "the" | "a" | "an")) {
            start = k + 1;
            k += 2;
            continue;
        }
        let opens = matches!(w, "," | "of" | "to" | "for" | "at" | "with" | "from" | "in" | "on" | "who" | "that" | "which" | "familiar" | "close" | "inside" | "within" | "under" | "near" | "(" | "—" | "--")
            // ("A senior diplomat involved in the mediation", "the official
            // quoted by the agency": a participle after the head.)
            || (w.ends_with("ed") || matches!(w, "sent" | "seen" | "written" | "given")) && matches!(doc.low(k + 1), "by" | "in" | "with" | "on" | "at" | "to")
            // ("A group representing newspapers in Germany")
            || matches!(w, "representing" | "seeking" | "opposing" | "supporting" | "backing" | "advocating" | "lobbying" | "monitoring" | "tracking" | "overseeing" | "working");
        if opens && k > start {
            return k - 1;
        }
        k += 1;
    }
    e.saturating_sub(1).max(s)
}

/// Words of quantity before "of" in a source ("most of the aides").
const QUANTITIES: &[&str] = &["most", "some", "many", "one", "two", "three", "several", "all", "none", "few", "each", "both", "any", "half", "much", "members", "member", "majority", "minority", "rest", "dozens", "hundreds", "number"];

#[cfg(test)]
mod tests;
