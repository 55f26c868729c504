package table

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkRows100k reads a 100,000-row ENT students file (UTF-8, CRLF, 6 columns) the way an
// import does: a first reading that decides the encoding and separator, then the rows streamed.
func BenchmarkRows100k(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("externalID;Prénom*;Nom*;Date de naissance*;Email;Classe\r\n")
	for i := range 100_000 {
		fmt.Fprintf(&sb, "S%07d;Léa%d;MARTIN;%02d/%02d/2012;lea%d@example.fr;6e %c\r\n", i, i, i%28+1, i%12+1, i, 'A'+i%6)
	}
	raw := []byte(sb.String())
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		t := NewText("eleves.csv", raw)
		rows, n := t.Rows(), 0
		for {
			r, ok := rows.Next()
			if !ok {
				break
			}
			n += len(r.Fields)
		}
		if n != 600_006 {
			b.Fatalf("%d cells", n)
		}
	}
}
