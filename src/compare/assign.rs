//! The best one-to-one pairing of two lists by score: the Hungarian method (pathfinding's
//! `kuhn_munkres`, on integer weights), then pairs below the threshold let go. A greedy "best
//! first" pairing would let one strong but wrong pair take a resolution that two others needed.

use pathfinding::prelude::{kuhn_munkres, Matrix};

/// Pairs `(row, column)` of `scores` (rows × columns, each in 0..=1) that maximise the total,
/// each row and column at most once, and each pair at least `threshold`.
pub fn assign(scores: &[Vec<f64>], threshold: f64) -> Vec<(usize, usize)> {
    let rows = scores.len();
    let cols = scores.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 || scores.iter().any(|r| r.len() != cols) {
        return Vec::new();
    }
    // Scores under the threshold weigh nothing, so that the method does not trade a good pair
    // for two that will be let go anyway.
    let weight = |s: f64| {
        if s >= threshold && s.is_finite() {
            (s * 1_000_000.0) as i64
        } else {
            0
        }
    };
    // kuhn_munkres wants no more rows than columns.
    let transposed = rows > cols;
    let (r, c) = if transposed {
        (cols, rows)
    } else {
        (rows, cols)
    };
    let values: Vec<i64> = if transposed {
        (0..r)
            .flat_map(|i| scores.iter().map(move |row| weight(row[i])))
            .collect()
    } else {
        scores.iter().flatten().map(|&s| weight(s)).collect()
    };
    let Ok(matrix) = Matrix::from_vec(r, c, values) else {
        return Vec::new();
    };
    let (_, columns) = kuhn_munkres(&matrix);
    let mut out: Vec<(usize, usize)> = columns
        .into_iter()
        .enumerate()
        .map(|(i, j)| if transposed { (j, i) } else { (i, j) })
        .filter(|&(i, j)| scores[i][j] >= threshold)
        .collect();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::assign;

    #[test]
    fn the_total_is_what_counts_not_the_single_best_pair() {
        // Greedy would take (0, 0) at 0.9 and leave row 1 with 0.1; the best total pairs
        // (0, 1) and (1, 0).
        let scores = vec![vec![0.9, 0.8], vec![0.85, 0.1]];
        assert_eq!(assign(&scores, 0.3), vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn pairs_under_the_threshold_are_let_go_and_either_side_may_be_longer() {
        let scores = vec![vec![0.9, 0.1, 0.0], vec![0.2, 0.1, 0.25]];
        assert_eq!(assign(&scores, 0.3), vec![(0, 0)]);
        let tall = vec![vec![0.1], vec![0.7], vec![0.5]];
        assert_eq!(assign(&tall, 0.3), vec![(1, 0)]);
        assert!(assign(&[], 0.3).is_empty());
        assert!(assign(&[vec![]], 0.3).is_empty());
    }
}
