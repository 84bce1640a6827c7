//! Tagging speed of the shipped model: tokens per second of `tag_document` on invented news paragraphs.

use dossier_ner::Tagger;

fn main() {
    let t = std::time::Instant::now();
    let tagger = Tagger::shipped();
    eprintln!("first use of Tagger::shipped() (resources + model decoding): {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    eprintln!("model features: {}", tagger.feature_count());
    divan::main();
}

/// Decoding the shipped model from its bytes (the resources are already loaded).
#[divan::bench]
fn from_bytes(bencher: divan::Bencher) {
    let bytes = Tagger::shipped().to_bytes();
    bencher.bench(|| Tagger::from_bytes(divan::black_box(&bytes)).map(|t| t.feature_count()));
}

/// Invented news text (not CoNLL), tokenized as dossier's tokenizer would.
const PARAGRAPHS: &str = "\
The European Central Bank left interest rates unchanged on Thursday , and its president , Christine Lagarde , said inflation in the euro zone would ease next year .
Shares of Siemens rose 3 percent in Frankfurt after the company said it would sell its lighting unit to a group led by Carlyle .
Prime Minister Rishi Sunak met French President Emmanuel Macron in Paris on Friday to discuss migration across the English Channel .
“ We have made real progress , ” Sunak told reporters outside the Elysee Palace .
In Washington , the U.S. Senate passed a $ 95 billion aid package for Ukraine , Israel and Taiwan after months of delay .
Senator Chuck Schumer of New York called the vote a message to Vladimir Putin and to America ’s allies in NATO .
Toyota Motor Corp. said on Nov. 3 that it would invest $ 1.3 billion in a battery plant in North Carolina , creating 2,000 jobs .
The Brazilian striker Neymar scored twice as Al Hilal beat Al Nassr 3-1 in Riyadh , where Cristiano Ronaldo was held scoreless .
The World Health Organization warned that cholera cases in Sudan and South Sudan had doubled since the start of the rainy season .
Apple unveiled a new iPhone at its Cupertino headquarters , but analysts at Morgan Stanley said demand in China remained weak .
Residents of Lagos said floods had cut power to much of the city , and the Nigerian government promised aid within a week .
The Australian Open begins in Melbourne on Monday , with Novak Djokovic seeking a record 25th Grand Slam title .";

fn document() -> Vec<Vec<&'static str>> {
    PARAGRAPHS.lines().map(|l| l.split(' ').collect()).collect()
}

#[divan::bench]
fn tag_document(bencher: divan::Bencher) {
    let tagger = Tagger::shipped();
    let doc = document();
    let n: usize = doc.iter().map(Vec::len).sum();
    bencher
        .counter(divan::counter::ItemsCount::new(n))
        .bench(|| divan::black_box(tagger.tag_document(divan::black_box(&doc))));
}
