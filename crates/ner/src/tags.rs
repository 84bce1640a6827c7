//! BILOU tags over the four entity types, conversion to and from spans, and constrained Viterbi decoding.

use crate::{EntityType, TokenSpan};

/// Number of tags: O plus B, I, L, U for each of the four types.
pub(crate) const NT: usize = 17;
/// The outside tag.
pub(crate) const O: u8 = 0;
/// Position of a token in its entity.
pub(crate) const B: u8 = 0;
pub(crate) const I: u8 = 1;
pub(crate) const L: u8 = 2;
pub(crate) const U: u8 = 3;

/// The tag of `kind` at position `pos` (B, I, L or U).
#[inline]
pub(crate) fn tag(kind: usize, pos: u8) -> u8 {
    1 + (kind as u8) * 4 + pos
}

/// Entity type index (0..4) and position of a non-O tag.
#[inline]
pub(crate) fn split(t: u8) -> Option<(usize, u8)> {
    if t == O || t as usize >= NT {
        None
    } else {
        Some((((t - 1) / 4) as usize, (t - 1) % 4))
    }
}

/// Whether tag `cur` may follow `prev` (`None`: sentence start).
pub(crate) fn allowed(prev: Option<u8>, cur: u8) -> bool {
    let open = |t: u8| matches!(split(t), Some((_, B | I)));
    match prev {
        Some(p) if open(p) => {
            matches!((split(p), split(cur)), (Some((a, _)), Some((b, I | L))) if a == b)
        }
        _ => !matches!(split(cur), Some((_, I | L))),
    }
}

/// Whether a sentence may end with tag `t`.
pub(crate) fn can_end(t: u8) -> bool {
    !matches!(split(t), Some((_, B | I)))
}

/// Gold spans (token start, end exclusive, type index) to tags; overlapping or empty spans are skipped.
pub(crate) fn spans_to_tags(n: usize, spans: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut tags = vec![O; n];
    for &(s, e, k) in spans {
        if s >= e || e > n || tags[s..e].iter().any(|&t| t != O) {
            continue;
        }
        if e - s == 1 {
            tags[s] = tag(k, U);
        } else {
            tags[s] = tag(k, B);
            for t in &mut tags[s + 1..e - 1] {
                *t = tag(k, I);
            }
            tags[e - 1] = tag(k, L);
        }
    }
    tags
}

/// Tags (well-formed or not) to spans: an entity starts at B or U (or a stray I/L) and ends at L or U.
pub(crate) fn tags_to_spans(tags: &[u8]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        match split(t) {
            None => open = None,
            Some((k, pos)) => {
                let start = match open {
                    Some((s, ok)) if ok == k && matches!(pos, I | L) => s,
                    _ => i,
                };
                match pos {
                    B | I => open = Some((start, k)),
                    _ => {
                        out.push(TokenSpan { start, end: i + 1, kind: EntityType::from_index(k) });
                        open = None;
                    }
                }
            }
        }
    }
    out
}

/// Viterbi over emission scores `em` (n × NT) and transitions `trans` ((NT + 1) × NT, row NT = start),
/// respecting the BILOU constraints. Writes the best tags into `out`; `delta` is scratch space.
///
/// The forward pass keeps every position's best scores (`delta`) and no back
/// pointers: it is then a plain maximum, which vectorises; the backward pass
/// finds the pointers of the chosen path only, trying the previous tags in
/// ascending order as the forward pass would have (so ties resolve alike).
pub(crate) fn viterbi(em: &[f32], trans: &[f32], n: usize, delta: &mut Vec<f32>, out: &mut Vec<u8>) {
    out.clear();
    if n == 0 {
        return;
    }
    delta.clear();
    delta.resize(n * NT, f32::NEG_INFINITY);
    let mut prev = [f32::NEG_INFINITY; NT];
    for t in 0..NT {
        if allowed(None, t as u8) {
            prev[t] = em[t] + trans[NT * NT + t];
        }
    }
    delta[..NT].copy_from_slice(&prev);
    // The transitions with the disallowed ones at -inf: adding one to a
    // finite score gives -inf, which never beats the best so far, so every
    // pair is tried without a branch.
    let mut masked = [[f32::NEG_INFINITY; NT]; NT];
    for p in 0..NT {
        for t in 0..NT {
            if ALLOWED[p][t] {
                masked[p][t] = trans[p * NT + t];
            }
        }
    }
    for i in 1..n {
        let mut best = [f32::NEG_INFINITY; NT];
        for p in 0..NT {
            if prev[p] == f32::NEG_INFINITY {
                continue;
            }
            for t in 0..NT {
                let s = prev[p] + masked[p][t];
                best[t] = if s > best[t] { s } else { best[t] };
            }
        }
        for t in 0..NT {
            prev[t] = best[t] + em[i * NT + t];
        }
        delta[i * NT..(i + 1) * NT].copy_from_slice(&prev);
    }
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0u8;
    for t in 0..NT {
        if can_end(t as u8) && prev[t] > best {
            best = prev[t];
            arg = t as u8;
        }
    }
    out.resize(n, 0);
    out[n - 1] = arg;
    for i in (1..n).rev() {
        let t = out[i] as usize;
        let before = &delta[(i - 1) * NT..i * NT];
        let mut best = f32::NEG_INFINITY;
        let mut arg = 0u8;
        for p in 0..NT {
            if ALLOWED[p][t] && before[p] > f32::NEG_INFINITY {
                let s = before[p] + trans[p * NT + t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
        }
        out[i - 1] = arg;
    }
}

/// `ALLOWED[p][t]`: tag `t` may follow tag `p`.
const ALLOWED: [[bool; NT]; NT] = {
    let mut a = [[false; NT]; NT];
    let mut p = 0;
    while p < NT {
        let mut t = 0;
        while t < NT {
            let p_open = p != 0 && ((p - 1) % 4 == 0 || (p - 1) % 4 == 1);
            let t_cont = t != 0 && ((t - 1) % 4 == 1 || (t - 1) % 4 == 2);
            a[p][t] = if p_open { t_cont && (p - 1) / 4 == (t - 1) / 4 } else { !t_cont };
            t += 1;
        }
        p += 1;
    }
    a
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn const_table_matches_allowed() {
        for p in 0..NT as u8 {
            for t in 0..NT as u8 {
                assert_eq!(ALLOWED[p as usize][t as usize], allowed(Some(p), t), "{p} {t}");
            }
        }
    }

    #[test]
    fn spans_round_trip() {
        let spans = [(0, 2, 0), (3, 4, 2), (5, 8, 3)];
        let tags = spans_to_tags(9, &spans);
        let back: Vec<_> = tags_to_spans(&tags).iter().map(|s| (s.start, s.end, s.kind.index())).collect();
        assert_eq!(back, spans);
    }

    #[test]
    fn viterbi_respects_constraints() {
        // Emissions prefer I-PER everywhere, which is invalid at the start.
        let n = 3;
        let mut em = vec![0.0; n * NT];
        for i in 0..n {
            em[i * NT + tag(0, I) as usize] = 5.0;
        }
        let trans = vec![0.0; (NT + 1) * NT];
        let (mut back, mut out) = (Vec::new(), Vec::new());
        viterbi(&em, &trans, n, &mut back, &mut out);
        assert!(allowed(None, out[0]));
        for w in out.windows(2) {
            assert!(allowed(Some(w[0]), w[1]));
        }
        assert!(can_end(out[n - 1]));
    }
}
