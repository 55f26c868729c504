package table

// Letter returns the spreadsheet name of the zero-based column i: 0 → "A", 25 → "Z", 26 → "AA".
func Letter(i int) string {
	if i < 0 {
		return ""
	}
	var buf [8]byte
	n := len(buf)
	for i >= 0 && n > 0 {
		n--
		buf[n] = byte('A' + i%26)
		i = i/26 - 1
	}
	return string(buf[n:])
}
