//! The seed article through the CLI and the project's check script
//! (`../shared/eval/check_article.py`): title, furniture, entities with their
//! mentions and roles, attributions, and resolved dates must all pass.

use std::path::PathBuf;
use std::process::Command;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

#[test]
fn seed_article_passes_the_check_script() {
    let seed = shared().join("seed/article.txt");
    if !seed.exists() {
        eprintln!("skipped: {} is not beside the repository", seed.display());
        return;
    }
    let out = assert_cmd::Command::cargo_bin("dossier")
        .unwrap()
        .args(["analyze", "--published", "2014-11-06", "--format", "json"])
        .arg(&seed)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let dir = tempfile::tempdir().unwrap();
    let analysis = dir.path().join("seed.json");
    std::fs::write(&analysis, &out.stdout).unwrap();
    let check = Command::new("python3")
        .arg(shared().join("eval/check_article.py"))
        .arg(shared().join("seed/expected.json"))
        .arg(&analysis)
        .output()
        .expect("python3 runs the check script");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "check_article.py failed:\n{report}");
    assert!(report.lines().last().unwrap_or("").starts_with("PASS"), "{report}");
}
