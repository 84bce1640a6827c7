use crate::*;

fn one(text: &str, published: &str, expr: &str) -> Timex {
    let all = find(text, Some(published));
    all.iter()
        .find(|t| t.text == expr)
        .cloned()
        .unwrap_or_else(|| panic!("{expr:?} not found in {text:?}: {all:#?}"))
}

#[test]
fn seed_like_sentences() {
    let d = "2014-11-06";
    assert_eq!(one("The ministry declined to comment Thursday on the claim.", d, "Thursday").value, "2014-11-06");
    let t = one("The paper said the envoy wrote to the king in mid-October, asking for help.", d, "mid-October");
    assert_eq!((t.value.as_str(), t.modifier.as_deref()), ("2014-10", Some("MID")));
    assert_eq!(one("At a briefing Wednesday, the minister acknowledged the risk.", d, "Wednesday").value, "2014-11-05");
    let t = one("The council now faces the Nov. 24 deadline for budget talks for the city.", d, "Nov. 24");
    assert_eq!(t.value, "2014-11-24");
    assert_eq!(t.anchor.as_deref(), Some("deadline for budget talks"));
    assert_eq!(one("She has visited the island many times since 2009.", d, "2009").value, "2009");
    assert_eq!(one("The mayor hopes to sign the bill this year.", d, "this year").value, "2014");
    let t = one("The vote is less than three weeks away.", d, "less than three weeks");
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P3W"));
}

#[test]
#[ignore]
fn debug_tense() {
    for (s, e) in [
        ("The team planned to leave Nairobi on Thursday for Dar es Salaam.", "Thursday"),
        ("Anti-Castro protesters planned a large demonstration in Little Havana on Saturday and were planning to drive around Miami International Airport on Monday.", "Saturday"),
        ("NATO is expected to admit Poland, Hungary and the Czech Republic in early March, an official from the organization said on Wednesday.", "early March"),
        ("The official said the ceremony would still be held at the NATO Washington summit on April 24 and 25.", "April 24"),
    ] {
        let chars: Vec<char> = s.chars().collect();
        let st = s.find(e).unwrap();
        let cs = s[..st].chars().count();
        let t = crate::context::tense(&chars, (0, chars.len()), cs, cs + e.chars().count());
        println!("{e}: {t:?} {:?}", find(s, Some("1999-02-10")).iter().map(|t| (&t.text, &t.value)).collect::<Vec<_>>());
    }
}

#[test]
#[ignore]
fn debug_find() {
    for s in ["It would have a dividend rate of $1.76 a year, the firm said.", "Room rates will be between $35 and $55 a night, MGM said.", "the smallest gain in a year."] {
        println!("{:?}", find(s, Some("1989-11-02")).iter().map(|t| (&t.text, &t.value)).collect::<Vec<_>>());
    }
}
