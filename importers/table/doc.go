// Package table owns the low-level reading every roster format shares: charset and delimiter
// detection, a fast CSV reader that counts lines the way a spreadsheet shows them, header matching
// that forgives case, accents, stars and small typos, and located errors (file, line, column
// header and letter, value, rule) collected up to a cap.
//
// It knows nothing of any particular format: the format packages describe their columns with a
// Schema and turn rows into records.
package table
