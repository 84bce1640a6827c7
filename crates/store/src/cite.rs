//! Citations of other outlets found through the corpus: a source whose
//! organisation is the outlet of stored articles ("the Northbank Business
//! Journal said") is a citation of that outlet, even when the language layer
//! did not know the name as a news outlet.

use crate::db::Conn;
use crate::StoreError;

/// Add a citation for every attribution whose source resolves to an
/// organisation that is the outlet of some stored article other than the
/// citing article's own outlet. Idempotent. The articles given a citation.
pub(crate) fn cite_outlets(conn: &mut Conn) -> Result<Vec<i64>, StoreError> {
    Ok(conn
        .query(
        "INSERT INTO citations (article, n, outlet, outlet_key) \
         SELECT t.article, t.n, c.name, c.key FROM attributions t \
         JOIN entities e ON e.article = t.article AND e.local = t.source_entity \
         JOIN corpus_entities c ON c.id = e.corpus AND c.kind = 'organization' \
         JOIN articles a ON a.id = t.article \
         WHERE c.key IN (SELECT outlet_key FROM articles WHERE outlet_key IS NOT NULL) \
         AND (a.outlet_key IS NULL OR a.outlet_key <> c.key) \
         ON CONFLICT (article, n) DO NOTHING RETURNING article",
        &[],
    )?
        .iter()
        .map(|r| r.int(0))
        .collect())
}
