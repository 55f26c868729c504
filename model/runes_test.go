package model

import "unicode"

func isDigitRune(r rune) bool  { return unicode.IsDigit(r) }
func isLetterRune(r rune) bool { return unicode.IsLetter(r) }
