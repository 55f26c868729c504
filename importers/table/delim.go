package table

// Delimiters are the separators Detect considers, in the order ties are broken: French exports
// use ';' (',' is the decimal mark), the rest of the world ','.
var delimiters = [...]byte{';', ',', '\t', '|'}

// DetectDelimiter picks the separator of text from its first non-blank line (the header), by
// counting each candidate outside quotes. A header is the one line written by a program rather
// than a person, so it is the most reliable. A one-column file gets ','.
func DetectDelimiter(text string) rune {
	line := firstLine(text)
	var counts [len(delimiters)]int
	inQuote := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		for k, d := range delimiters {
			if c == d {
				counts[k]++
			}
		}
	}
	best := 1 // ','
	for k := range delimiters {
		if counts[k] > counts[best] {
			best = k
		}
	}
	if counts[0] > 0 && counts[0] == counts[best] {
		best = 0
	}
	return rune(delimiters[best])
}

// firstLine returns the first line with something on it, at most 64 KiB of it.
func firstLine(text string) string {
	for len(text) > 0 {
		end := len(text)
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' || text[i] == '\r' {
				end = i
				break
			}
		}
		line := text[:end]
		if len(line) > 0 {
			return line[:min(len(line), 64<<10)]
		}
		if end == len(text) {
			break
		}
		text = text[end+1:]
	}
	return ""
}
