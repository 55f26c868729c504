package model

// NeutralizeCell defuses a value written to a spreadsheet cell: one that starts with =, +, -, @,
// a tab or a carriage return could run as a formula when the file is opened (CSV injection), so
// it gets a leading apostrophe, which spreadsheets show as text.
func NeutralizeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
