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
    assert_eq!(
        one(
            "The ministry declined to comment Thursday on the claim.",
            d,
            "Thursday"
        )
        .value,
        "2014-11-06"
    );
    let t = one(
        "The paper said the envoy wrote to the king in mid-October, asking for help.",
        d,
        "mid-October",
    );
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2014-10", Some("MID"))
    );
    assert_eq!(
        one(
            "At a briefing Wednesday, the minister acknowledged the risk.",
            d,
            "Wednesday"
        )
        .value,
        "2014-11-05"
    );
    let t = one(
        "The council now faces the Nov. 24 deadline for budget talks for the city.",
        d,
        "Nov. 24",
    );
    assert_eq!(t.value, "2014-11-24");
    assert_eq!(t.anchor.as_deref(), Some("deadline for budget talks"));
    assert_eq!(
        one(
            "She has visited the island many times since 2009.",
            d,
            "2009"
        )
        .value,
        "2009"
    );
    assert_eq!(
        one(
            "The mayor hopes to sign the bill this year.",
            d,
            "this year"
        )
        .value,
        "2014"
    );
    let t = one(
        "The vote is less than three weeks away.",
        d,
        "less than three weeks",
    );
    assert_eq!((t.kind, t.value.as_str()), (TimexType::Duration, "P3W"));
}

/// (sentence, expression, value) against Thursday 2014-11-06.
fn check(cases: &[(&str, &str, &str)]) {
    for (text, expr, value) in cases {
        let t = one(text, "2014-11-06", expr);
        assert_eq!(&t.value, value, "{expr:?} in {text:?}");
    }
}

fn kind_of(text: &str, expr: &str) -> TimexType {
    one(text, "2014-11-06", expr).kind
}

#[test]
fn explicit_dates() {
    check(&[
        (
            "The plant closed on March 3, 2011, after a fire.",
            "March 3, 2011",
            "2011-03-03",
        ),
        (
            "The law took effect 1 July 2012 across the country.",
            "1 July 2012",
            "2012-07-01",
        ),
        (
            "Filed on 2013-05-17 with the court.",
            "2013-05-17",
            "2013-05-17",
        ),
        (
            "The bridge opened Saturday, April 25, 1998, to traffic.",
            "Saturday, April 25, 1998",
            "1998-04-25",
        ),
    ]);
}

#[test]
fn months_and_years() {
    check(&[
        (
            "The firm was founded in August 1988 by two brothers.",
            "August 1988",
            "1988-08",
        ),
        (
            "Sales slowed in September, the company said.",
            "September",
            "2014-09",
        ),
        (
            "The mill shut down in 1997 and never reopened.",
            "1997",
            "1997",
        ),
        (
            "Talks resumed in January this year.",
            "January this year",
            "2014-01",
        ),
    ]);
}

/// A month at a sentence's end is written without the stop; what is
/// expected is to come, and "the first cut" is no past tense.
#[test]
fn an_expected_month_at_a_sentences_end() {
    let all = find("She added that she expects the first cut in June.", Some("2014-03-20"));
    assert_eq!(all.iter().map(|t| (t.text.as_str(), t.value.as_str())).collect::<Vec<_>>(), [("June", "2014-06")]);
    let all = find("The vote is set for Jan. 5, officials said.", Some("2014-03-20"));
    assert_eq!(all.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(), ["Jan. 5"]);
}

#[test]
fn weekdays_by_tense() {
    check(&[
        (
            "The mayor resigned Monday after the audit.",
            "Monday",
            "2014-11-03",
        ),
        (
            "The board will meet Tuesday to vote on the plan.",
            "Tuesday",
            "2014-11-11",
        ),
        (
            "Officials spoke to reporters Thursday.",
            "Thursday",
            "2014-11-06",
        ),
        (
            "The court is scheduled to rule Friday.",
            "Friday",
            "2014-11-07",
        ),
    ]);
}

#[test]
fn explicit_next_last_this() {
    check(&[
        (
            "The envoy arrives next Tuesday.",
            "next Tuesday",
            "2014-11-11",
        ),
        ("The strike began last Friday.", "last Friday", "2014-10-31"),
        ("Prices fell last week.", "last week", "2014-W44"),
        ("The fund will open next month.", "next month", "2014-12"),
        ("Turnout was high this year.", "this year", "2014"),
        ("The law passed last year.", "last year", "2013"),
        ("Exports rose last April.", "last April", "2014-04"),
    ]);
}

#[test]
fn relative_days() {
    check(&[
        (
            "The minister said yesterday that talks had failed.",
            "yesterday",
            "2014-11-05",
        ),
        ("Results are due tomorrow.", "tomorrow", "2014-11-07"),
        ("Shares rose today in early trading.", "today", "2014-11-06"),
    ]);
    let t = one("The vote is tonight.", "2014-11-06", "tonight");
    assert_eq!(
        (t.kind, t.value.as_str()),
        (TimexType::Time, "2014-11-06TNI")
    );
}

#[test]
fn seasons_quarters_halves() {
    check(&[
        (
            "The dam was finished last summer.",
            "last summer",
            "2014-SU",
        ),
        (
            "Work starts in the spring of 2015.",
            "the spring of 2015",
            "2015-SP",
        ),
        (
            "Profit rose in the third quarter.",
            "the third quarter",
            "2014-Q3",
        ),
        (
            "Third-quarter earnings fell 5%.",
            "Third-quarter",
            "2014-Q3",
        ),
        (
            "Costs jumped in the first half of 2013.",
            "the first half of 2013",
            "2013-H1",
        ),
        (
            "Revenue rose in the quarter ended Sept. 30.",
            "the quarter",
            "2014-Q3",
        ),
    ]);
}

#[test]
fn decades_and_centuries() {
    check(&[
        ("Crime peaked in the 1990s.", "the 1990s", "199"),
        (
            "The style was popular in the late 1970s.",
            "the late 1970s",
            "197",
        ),
        (
            "Trade collapsed in the 17th century.",
            "the 17th century",
            "16",
        ),
    ]);
    assert_eq!(
        one(
            "It boomed in the late 1970s.",
            "2014-11-06",
            "the late 1970s"
        )
        .modifier
        .as_deref(),
        Some("END")
    );
}

#[test]
fn durations() {
    check(&[
        ("The talks lasted two hours.", "two hours", "PT2H"),
        ("He served a 10-year term.", "10-year", "P10Y"),
        (
            "The refugees waited 2 1/2 years for papers.",
            "2 1/2 years",
            "P2Y6M",
        ),
        (
            "Sales rose in the first nine months.",
            "the first nine months",
            "P9M",
        ),
        (
            "The dispute dragged on for several weeks.",
            "several weeks",
            "PXW",
        ),
        ("The bridge stood for two decades.", "two decades", "P20Y"),
    ]);
    assert_eq!(
        kind_of("The talks lasted two hours.", "two hours"),
        TimexType::Duration
    );
    let t = one(
        "The deal is more than three weeks away.",
        "2014-11-06",
        "more than three weeks",
    );
    assert_eq!(t.modifier.as_deref(), Some("MORE_THAN"));
}

#[test]
fn sets() {
    check(&[
        (
            "The market is open every Monday.",
            "every Monday",
            "XXXX-WXX-1",
        ),
        ("The report is published annually.", "annually", "P1Y"),
        ("Inspectors visit each year.", "each year", "P1Y"),
        (
            "Trains leave hourly from the main station.",
            "hourly",
            "PT1H",
        ),
    ]);
    assert_eq!(
        kind_of("The market is open every Monday.", "every Monday"),
        TimexType::Set
    );
}

#[test]
fn clock_times() {
    check(&[
        (
            "The blast occurred at 10:30 a.m. in the center.",
            "10:30 a.m.",
            "2014-11-06T10:30",
        ),
        (
            "The offer expires at 5 p.m. EST Nov. 9.",
            "5 p.m. EST Nov. 9",
            "2014-11-09T17:00",
        ),
        (
            "The polls will close at noon Saturday.",
            "noon Saturday",
            "2014-11-08T12:00",
        ),
    ]);
    assert_eq!(
        kind_of(
            "The blast occurred at 10:30 a.m. in the center.",
            "10:30 a.m."
        ),
        TimexType::Time
    );
    // a clock time without a day falls on the day under discussion
    let all = find(
        "A jogger saw the car on Oct. 13. He noticed it at 6 a.m. near the house.",
        Some("2014-11-06"),
    );
    assert!(
        all.iter()
            .any(|t| t.text == "6 a.m." && t.value == "2014-10-13T06:00"),
        "{all:#?}"
    );
}

#[test]
fn part_modifiers() {
    let t = one(
        "The plan was drafted in early September.",
        "2014-11-06",
        "early September",
    );
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2014-09", Some("START"))
    );
    let t = one(
        "The plan was drafted in late August.",
        "2014-11-06",
        "late August",
    );
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2014-08", Some("END"))
    );
    let t = one(
        "Troops should arrive by the end of 2015.",
        "2014-11-06",
        "the end of 2015",
    );
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2015", Some("END"))
    );
}

#[test]
fn reference_words() {
    check(&[
        ("The company now employs 300 people.", "now", "PRESENT_REF"),
        ("The factory is currently idle.", "currently", "PRESENT_REF"),
        (
            "The mayor recently moved to the suburbs.",
            "recently",
            "PAST_REF",
        ),
        ("Rates may rise in the future.", "the future", "FUTURE_REF"),
    ]);
}

#[test]
fn vague_references() {
    check(&[
        (
            "Exports boomed in recent years.",
            "recent years",
            "PAST_REF",
        ),
        ("Prices fell in recent weeks.", "recent weeks", "PXW"),
        (
            "Holders may buy shares at the then-current price.",
            "then-current",
            "PAST_REF",
        ),
        ("The merger should close by year end.", "year end", "2014"),
        ("The rule takes effect Feb. 1.", "Feb. 1", "2015-02-01"),
        (
            "The new chief starts effective Feb. 1, the board said.",
            "Feb. 1",
            "2015-02-01",
        ),
    ]);
}

#[test]
fn holidays_and_weeks_of() {
    check(&[
        (
            "Voters go to the polls on Election Day.",
            "Election Day",
            "2014-11-04",
        ),
        (
            "The hearing is set for the week of Dec. 8.",
            "the week of Dec. 8",
            "2014-W50",
        ),
        (
            "Families gathered on Christmas Day.",
            "Christmas Day",
            "2014-12-25",
        ),
        (
            "Crowds will gather on New Year\u{2019}s Day.",
            "New Year\u{2019}s Day",
            "2015-01-01",
        ),
        (
            "Prices peaked in the \u{2019}90s.",
            "the \u{2019}90s",
            "199",
        ),
    ]);
}

#[test]
fn ordinal_day_and_fiscal_year() {
    check(&[
        (
            "The ballots will be counted on the 24th.",
            "the 24th",
            "2014-11-24",
        ),
        (
            "The company earned $5 million in fiscal 1989.",
            "fiscal 1989",
            "1989",
        ),
        (
            "Profit will rise in the current fiscal year.",
            "the current fiscal year",
            "2014",
        ),
    ]);
}

#[test]
fn year_inference_for_month_day() {
    // past tense: a date well after the publication day is last year's
    check(&[
        (
            "The company will pay the dividend Jan. 3.",
            "Jan. 3",
            "2015-01-03",
        ),
        ("The rally drew thousands Oct. 20.", "Oct. 20", "2014-10-20"),
        // less than two months ahead stays in the year even in the past tense (schedules are reported so)
        (
            "The company announced the plan Dec. 15.",
            "Dec. 15",
            "2014-12-15",
        ),
    ]);
    let t = one(
        "The company announced the plan Dec. 15.",
        "2014-02-10",
        "Dec. 15",
    );
    assert_eq!(t.value, "2013-12-15");
}

#[test]
fn ago_and_anchor_to_last_mentioned_date() {
    check(&[
        (
            "The plant opened three years ago.",
            "three years ago",
            "2011",
        ),
        (
            "The virus was found two weeks ago.",
            "two weeks ago",
            "2014-W43",
        ),
    ]);
    let all = find(
        "The ship sailed on March 3, 2010. The next day, it sank.",
        Some("2014-11-06"),
    );
    assert!(
        all.iter()
            .any(|t| t.text.ends_with("next day") && t.value == "2010-03-04"),
        "{all:#?}"
    );
    let all = find(
        "The index fell on Friday, Oct. 20, 1989, down from the previous Friday.",
        Some("1989-10-30"),
    );
    assert!(
        all.iter()
            .any(|t| t.text.ends_with("previous Friday") && t.value == "1989-10-13"),
        "{all:#?}"
    );
}

#[test]
fn quarter_under_discussion() {
    let text =
        "Net income fell in the third quarter. A year earlier, the company had earned $5 million.";
    let all = find(text, Some("2014-11-06"));
    assert!(
        all.iter()
            .any(|t| t.text == "A year earlier" && t.value == "2013-Q3"),
        "{all:#?}"
    );
    let all = find(
        "The firm reported a loss for the quarter.",
        Some("2014-11-06"),
    );
    assert_eq!(all[0].value, "2014-Q3");
}

#[test]
fn deadline_anchor() {
    let t = one(
        "Both sides face the Dec. 1 deadline for a budget deal.",
        "2014-11-06",
        "Dec. 1",
    );
    assert_eq!(t.anchor.as_deref(), Some("deadline for a budget deal"));
    let t = one(
        "The summit on Tuesday drew protests.",
        "2014-11-06",
        "Tuesday",
    );
    assert_eq!(t.anchor.as_deref(), Some("summit"));
    let t = one(
        "At a news conference Wednesday, the mayor spoke.",
        "2014-11-06",
        "Wednesday",
    );
    assert_eq!(
        (t.value.as_str(), t.anchor.as_deref()),
        ("2014-11-05", Some("news conference"))
    );
    assert_eq!(
        one(
            "The mayor resigned Monday after the audit.",
            "2014-11-06",
            "Monday"
        )
        .anchor,
        None
    );
}

#[test]
fn without_publication_date() {
    let all = find(
        "The vote is on Nov. 24 and talks resumed yesterday and ended Thursday.",
        None,
    );
    let v: Vec<&str> = all.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(v, ["XXXX-11-24", "PAST_REF", "XXXX-WXX-4"]);
    let all = find(
        "Talks resume tonight and end at 10 p.m. Friday; the vote is this year.",
        None,
    );
    let v: Vec<&str> = all.iter().map(|t| t.value.as_str()).collect();
    assert_eq!(v, ["XXXX-XX-XXTNI", "XXXX-WXX-5T22:00", "PRESENT_REF"]);
}

#[test]
fn code_point_offsets() {
    let text = "Café owners — “tired” — met on Thursday.";
    let all = find(text, Some("2014-11-06"));
    let t = &all[0];
    let slice: String = text.chars().skip(t.start).take(t.end - t.start).collect();
    assert_eq!(slice, t.text);
    assert_eq!(t.value, "2014-11-06");
}

#[test]
fn seed_article_expressions() {
    let text = "The council declined to comment Thursday on the report. The letter was sent in mid-October, \
        the paper said. The group has met many times since 2009. Members now face the Nov. 24 deadline for \
        budget talks for the region less than three weeks away. At a rally Wednesday, the mayor acknowledged \
        the risk. The governor will try to sign a deal this year.";
    let all = find(text, Some("2014-11-06"));
    let get = |e: &str| {
        all.iter()
            .find(|t| t.text == e)
            .map(|t| t.value.clone())
            .unwrap_or_default()
    };
    assert_eq!(get("Thursday"), "2014-11-06");
    assert_eq!(get("mid-October"), "2014-10");
    assert_eq!(get("Wednesday"), "2014-11-05");
    assert_eq!(get("Nov. 24"), "2014-11-24");
    assert_eq!(get("2009"), "2009");
    assert_eq!(get("this year"), "2014");
}

mod total {
    use crate::find;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn never_panics_and_offsets_hold(s in ".{0,300}", d in prop::option::of("[0-9T:+-]{0,25}")) {
            let all = find(&s, d.as_deref());
            let chars: Vec<char> = s.chars().collect();
            for t in all {
                prop_assert!(t.start < t.end && t.end <= chars.len());
                let slice: String = chars[t.start..t.end].iter().collect();
                prop_assert_eq!(slice, t.text);
            }
        }

        #[test]
        fn time_words_never_panic(words in prop::collection::vec(prop::sample::select(vec![
            "last", "next", "this", "the", "year", "week", "Monday", "Nov.", "24", "1999", "ago", "two", "a",
            "quarter", "third", "mid-", "early", "10:30", "a.m.", "noon", "every", "since", "ended", "Sept.", "30",
            ",", "(", "WASHINGTON", "1/2", "decade", "century", "fiscal", "year-earlier", "deadline", "for",
        ]), 0..30), d in prop::option::of("(19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]")) {
            let s = words.join(" ");
            let _ = find(&s, d.as_deref());
        }
    }
}

#[test]
fn a_curly_apostrophe_or_quote_before_a_time_word_does_not_panic() {
    for text in [
        "the nominee donald trump’s 2015 remarks",
        "clinton said on the other hand, “the week before",
        "Europe’s achilles heel.\n\nLast year",
    ] {
        let _ = find(text, Some("2016-09-12"));
    }
}

#[test]
fn long_sentence_stays_linear() {
    // one sentence without a full stop: tense cues are looked for in a bounded window
    let text = "He said Monday ".repeat(5000);
    let all = find(&text, Some("1989-10-30"));
    assert_eq!(all.len(), 5000);
    assert!(all.iter().all(|t| t.value == "1989-10-30"));
}

#[test]
fn today_after_a_sentence_or_quote_is_the_day() {
    // a capitalised "Today" after a full stop and an opening quote is the day, not a title
    let text = "The police named the suspect, John Smith.\n\n``Today, we can tell you who did it,'' the chief said.";
    assert_eq!(one(text, "2014-11-06", "Today").value, "2014-11-06");
    // a title still is not
    let all = find("She told USA Today about the plan.", Some("2014-11-06"));
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn capitalised_month_after_the_article() {
    check(&[(
        "The March vote will decide the matter, officials said.",
        "March",
        "2015-03",
    )]);
    // "the March of ..." and "the March on ..." are names of events
    for text in [
        "Thousands joined the March of the Mothers in the capital.",
        "He spoke at the March on Washington.",
    ] {
        let all = find(text, Some("2014-11-06"));
        assert!(all.is_empty(), "{text}: {all:?}");
    }
}

#[test]
fn second_day_of_a_pair_takes_the_month() {
    let text = "The leaders will meet in Vienna on December 4 and 5.";
    assert_eq!(one(text, "2014-11-06", "December 4").value, "2014-12-04");
    assert_eq!(one(text, "2014-11-06", "5").value, "2014-12-05");
    let all = find("Prices rose on May 5 and 6 percent of sellers left.", Some("2014-11-06"));
    assert!(all.iter().all(|t| t.text != "6"), "{all:?}");
}

#[test]
fn the_day_before_or_after_a_named_day() {
    check(&[
        (
            "The lawyers met the day before last Tuesday's hearing.",
            "the day before last Tuesday",
            "2014-11-03",
        ),
        (
            "Talks resume the day after Nov. 24, the diplomat said.",
            "the day after Nov. 24",
            "2014-11-25",
        ),
    ]);
}

#[test]
fn length_adjectives_and_pre_post_years() {
    check(&[
        ("Negotiators emerged from a day-long session.", "day-long", "P1D"),
        ("The decades-long feud ended quietly.", "decades-long", "PXY"),
        ("They fought for decades over the land.", "decades", "PXY"),
        ("The post-1989 order is fraying.", "post-1989", "1989"),
    ]);
    let t = one("Output returned to pre-2008 levels.", "2014-11-06", "pre-2008");
    assert_eq!(
        (t.value.as_str(), t.modifier.as_deref()),
        ("2008", Some("BEFORE"))
    );
}

#[test]
fn a_reporting_verb_after_the_expression_ends_its_clause() {
    // "would" belongs to what was said, not to "proposed … in January"
    let t = one(
        "The mayor, who proposed the levy in January, said she would campaign for it.",
        "2025-03-05",
        "January",
    );
    assert_eq!(t.value, "2025-01");
}

#[test]
fn a_date_before_a_scheduled_event_is_that_day() {
    // past-tense verb, but "a May 6 special election" is ahead
    let t = one(
        "The council voted Tuesday, sending the measure to a May 6 special election.",
        "2025-03-05",
        "May 6",
    );
    assert_eq!(t.value, "2025-05-06");
    // a weekday before "deadline" keeps the tense's reading
    let t = one("The company missed the Tuesday deadline.", "1999-11-04", "Tuesday");
    assert_eq!(t.value, "1999-11-02");
    // a deadline more than half a year ahead is ahead, not the nearest date (last September)
    let t = one(
        "He wants penalties for every day the work runs past the September 30 deadline.",
        "2024-03-12",
        "September 30",
    );
    assert_eq!(t.value, "2024-09-30");
    // and one just past stays just past
    let t = one("Work should have begun before the March 3 deadline.", "2024-03-12", "March 3");
    assert_eq!(t.value, "2024-03-03");
    // a weekday: "a Friday deadline" and "expected before Friday" are ahead
    // (a Monday story), "before Friday's purchases" keeps the past tense
    let t = one("Lawmakers raced to close the gap as a Friday deadline approached.", "2025-03-03", "Friday");
    assert_eq!(t.value, "2025-03-07");
    let t = one("Leaders said no budget vote was expected before Friday.", "2025-03-05", "Friday");
    assert_eq!(t.value, "2025-03-07");
    let t = one("Its share before Friday's purchases was 7%.", "1989-10-30", "Friday");
    assert_eq!(t.value, "1989-10-27");
}

/// Lower-casing keeps byte lengths: a character whose lower case is longer or several
/// characters (İ) stays as it is, typographic apostrophes stay.
#[test]
fn lower_same_len_keeps_lengths() {
    let text = "ÉLYSÉE Said On MONDAY İstanbul’s ΑΘΗΝΑ";
    let low = lower_same_len(text);
    assert_eq!(low, "élysée said on monday İstanbul’s αθηνα");
    assert_eq!(low.len(), text.len());
    assert_eq!(lower_same_len("ABC def"), "abc def");
}

#[test]
fn the_end_of_a_span_is_no_day_of_the_story() {
    let text = "The Senate on Friday passed a stopgap bill that keeps the government open through Dec. 15, sending it to the president hours before a midnight deadline.";
    assert_eq!(one(text, "2023-09-30", "midnight").value, "2023-09-29T24");
    assert_eq!(one(text, "2023-09-30", "Dec. 15").value, "2023-12-15");
    // Without "through" the last day stays the one named last.
    let text = "The talks moved to Dec. 15, and they ended at midnight.";
    assert_eq!(one(text, "2023-09-30", "midnight").value, format!("{}T24", one(text, "2023-09-30", "Dec. 15").value));
}

#[test]
fn a_clause_past_a_comma_does_not_set_the_tense() {
    // "was set to take effect" is the law's, after the aside's comma; the
    // aside's own verb is past.
    let text = "The law, signed by the governor in June, was set to take effect on Jan. 1.";
    assert_eq!(one(text, "2026-11-30", "June").value, "2026-06");
    assert_eq!(one(text, "2026-11-30", "Jan. 1").value, "2027-01-01");
}

#[test]
fn a_scheduled_events_noun_before_its_date() {
    assert_eq!(one("The judge set a hearing for Jan. 20.", "2026-11-30", "Jan. 20").value, "2027-01-20");
    assert_eq!(one("Officials missed the deadline of Nov. 24.", "2026-11-30", "Nov. 24").value, "2026-11-24");
}

#[test]
fn the_second_half_of_a_hyphenated_word_is_no_time() {
    let all = find("Shares fell 14 percent in after-hours trading, the most since late-November.", Some("2026-12-04"));
    assert!(all.iter().all(|t| t.text != "hours"), "{all:#?}");
    assert!(all.iter().any(|t| t.text.contains("November")), "{all:#?}");
}
