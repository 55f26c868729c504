package model

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// SplitEmails reads emails typed by an admin: separated by spaces, commas, semicolons or new
// lines. It returns them normalized, in order, duplicates kept (the seat plan counts them);
// any that is not an address makes an *InvalidEmailsError listing them all, and no email is
// returned.
func SplitEmails(text string) ([]string, error) {
	words := strings.FieldsFunc(text, func(r rune) bool {
		return r == ',' || r == ';' || r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0'
	})
	out := make([]string, 0, len(words))
	var bad []string
	for _, w := range words {
		e := NormalizeEmail(w)
		if !ValidEmail(e) {
			bad = append(bad, w)
			continue
		}
		out = append(out, e)
	}
	if len(bad) > 0 {
		return nil, &InvalidEmailsError{Values: bad}
	}
	return out, nil
}

// EmailLineProblem says what is wrong on one line of an emails file.
type EmailLineProblem uint8

// The rules of an emails file: one column, no header, no spaces, commas or quotes.
const (
	EmailLineNotEmail EmailLineProblem = iota + 1 // not an email address (a header, a typo)
	EmailLineSpace                                // a space or tab
	EmailLineComma                                // a comma or semicolon: a second column
	EmailLineQuote                                // a quote
	EmailLineTooLong                              // longer than any address
	EmailLineEncoding                             // not UTF-8
)

// EmailLineError is one bad line of an emails file.
type EmailLineError struct {
	Line    int // from 1, as an editor shows it
	Value   string
	Problem EmailLineProblem
}

// EmailFileError lists the bad lines of an emails file: nothing was added.
type EmailFileError struct {
	File  string
	Lines []EmailLineError // the first MaxEmailLineErrors
	More  int              // bad lines beyond those
}

func (e *EmailFileError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d bad lines", e.File, len(e.Lines)+e.More)
	for _, l := range e.Lines {
		fmt.Fprintf(&b, "; line %d %q: problem %d", l.Line, l.Value, l.Problem)
	}
	return b.String()
}

// Is makes it an invalid input.
func (e *EmailFileError) Is(target error) bool { return target == ErrInvalid }

// ErrorKind: invalid input (exit code 3).
func (e *EmailFileError) ErrorKind() Kind { return KindInvalid }

// ErrorMessage is its sentence.
func (e *EmailFileError) ErrorMessage() Message { return Message{ID: MsgEmailFile, Args: []any{e}} }

// Limits of an emails file.
const (
	MaxEmailLineErrors = 50
	maxEmailLine       = 320 // bytes: longer than any valid address
	MaxEmailFileLines  = 200_000
)

// ErrEmailFileTooBig refuses a file of more than MaxEmailFileLines lines.
var ErrEmailFileTooBig = NewError(KindInvalid, MsgEmailFileTooBig, "emails file too big")

// ParseEmailFile reads a CSV file of emails: one address a line, one column, no header, no
// spaces, commas or quotes. Blank lines are skipped, a UTF-8 byte-order mark and Windows line
// ends are accepted. Every bad line is reported with its number (up to MaxEmailLineErrors, then
// counted) in an *EmailFileError, and then no email is returned.
func ParseEmailFile(name string, r io.Reader) ([]string, error) {
	br := bufio.NewReader(r)
	var out []string
	fe := &EmailFileError{File: name}
	for line := 1; ; line++ {
		raw, err := readEmailLine(br)
		if len(raw) > 0 || err == nil {
			if line > MaxEmailFileLines {
				return nil, fmt.Errorf("%s: %w", name, ErrEmailFileTooBig)
			}
			if line == 1 {
				raw = bytes.TrimPrefix(raw, []byte("\uFEFF"))
			}
			if email, problem := checkEmailLine(raw); problem != 0 {
				fe.add(EmailLineError{Line: line, Value: shorten(string(raw)), Problem: problem})
			} else if email != "" {
				out = append(out, email)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	if len(fe.Lines) > 0 {
		return nil, fe
	}
	return out, nil
}

func (fe *EmailFileError) add(l EmailLineError) {
	if len(fe.Lines) < MaxEmailLineErrors {
		fe.Lines = append(fe.Lines, l)
	} else {
		fe.More++
	}
}

// readEmailLine returns the next line without its end; an overlong line is cut at
// maxEmailLine+1 bytes (enough to know it is too long) and the rest skipped.
func readEmailLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line) <= maxEmailLine {
			line = append(line, chunk[:min(len(chunk), maxEmailLine+1-len(line))]...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimRight(line, "\r\n")
		if err != nil && len(line) == 0 {
			return nil, err
		}
		return line, err
	}
}

// checkEmailLine returns the normalized email of a line, "" for a blank line, or the problem.
func checkEmailLine(raw []byte) (string, EmailLineProblem) {
	s := string(raw)
	switch {
	case len(raw) > maxEmailLine:
		return "", EmailLineTooLong
	case len(raw) == 0:
		return "", 0
	case !utf8.Valid(raw):
		return "", EmailLineEncoding
	case strings.ContainsAny(s, `"'`):
		return "", EmailLineQuote
	case strings.ContainsAny(s, ",;"):
		return "", EmailLineComma
	case strings.ContainsAny(s, " \t\u00a0"):
		return "", EmailLineSpace
	}
	e := NormalizeEmail(s)
	if !ValidEmail(e) {
		return "", EmailLineNotEmail
	}
	return e, 0
}

// shorten keeps a bad value short enough for a message.
func shorten(s string) string {
	const limit = 60
	if len(s) <= limit {
		return strings.ToValidUTF8(s, "?")
	}
	cut := limit
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return strings.ToValidUTF8(s[:cut], "?") + "…"
}
