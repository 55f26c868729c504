package main

import (
	"io"
	"unicode/utf8"

	"rollcall/model"
)

// printableWriter passes text through model.PrintableText on its way to a terminal or a pipe,
// so a control character held in the data (a name stored with ESC [31m) is shown, never
// obeyed, whatever command prints it. A UTF-8 sequence cut between two writes is held until
// its end arrives. Bytes meant to be copied as they are (a backup, a PDF on stdout) and the
// console's own drawing go to env.rawStdout instead.
type printableWriter struct {
	w     io.Writer
	carry []byte
}

func newPrintableWriter(w io.Writer) *printableWriter { return &printableWriter{w: w} }

func (p *printableWriter) Write(b []byte) (int, error) {
	data := b
	if len(p.carry) > 0 {
		data = append(p.carry, b...)
		p.carry = nil
	}
	cut := len(data)
	// Hold back an incomplete rune at the end (at most utf8.UTFMax-1 bytes).
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				cut = i
			}
			break
		}
	}
	if cut < len(data) {
		p.carry = append([]byte(nil), data[cut:]...)
	}
	if _, err := io.WriteString(p.w, model.PrintableText(string(data[:cut]))); err != nil {
		return 0, err
	}
	return len(b), nil
}

// neutralise makes the env's text streams printable ones, keeping the raw stdout aside; it is
// idempotent.
func (e *env) neutralise() {
	if _, done := e.stdout.(*printableWriter); done {
		return
	}
	e.rawStdout = e.stdout
	e.stdout = newPrintableWriter(e.stdout)
	if _, done := e.stderr.(*printableWriter); !done {
		e.stderr = newPrintableWriter(e.stderr)
	}
}
