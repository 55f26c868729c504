package app

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/bits"

	"rollcall/model"
	"rollcall/storage"
)

// A copy between stores is checked by a digest of each kind of record: how many there are and
// a checksum of them all. Each record is encoded canonically (the kind, then the JSON of its
// model value: fields in declaration order, map keys sorted, times with their nanoseconds), so
// the same record read from a bbolt file and from PostgreSQL encodes to the same bytes. The
// checksum is the sum, modulo 2^256, of each record's SHA-256: it does not depend on the order
// the records come in, and any record changed, added or lost changes it.

// KindDigest is the count and checksum of one kind of record.
type KindDigest struct {
	Kind     storage.Kind `json:"kind"`
	Count    int          `json:"count"`
	Checksum string       `json:"checksum"` // hex of the 256-bit sum
}

// digest accumulates the records of a store (or of a selection of one).
type digest struct {
	counts map[storage.Kind]int
	sums   map[storage.Kind]*[4]uint64
	buf    []byte
}

func newDigest() *digest {
	return &digest{counts: map[storage.Kind]int{}, sums: map[storage.Kind]*[4]uint64{}}
}

// add counts a record and adds its hash to its kind's sum.
func (d *digest) add(r storage.Record) error {
	d.buf = append(d.buf[:0], r.Kind...)
	d.buf = append(d.buf, 0)
	raw, err := json.Marshal(r.Value)
	if err != nil {
		return fmt.Errorf("%s: %w", r.Kind, err)
	}
	h := sha256.Sum256(append(d.buf, raw...))
	sum := d.sums[r.Kind]
	if sum == nil {
		sum = &[4]uint64{}
		d.sums[r.Kind] = sum
	}
	var carry uint64
	for i := 3; i >= 0; i-- {
		sum[i], carry = bits.Add64(sum[i], binary.BigEndian.Uint64(h[8*i:]), carry)
	}
	d.counts[r.Kind]++
	return nil
}

// kinds returns every kind's digest in storage.Kinds order, kinds without records included.
func (d *digest) kinds() []KindDigest {
	out := make([]KindDigest, 0, len(storage.Kinds))
	for _, k := range storage.Kinds {
		var b [32]byte
		if sum := d.sums[k]; sum != nil {
			for i, w := range sum {
				binary.BigEndian.PutUint64(b[8*i:], w)
			}
		}
		out = append(out, KindDigest{Kind: k, Count: d.counts[k], Checksum: hex.EncodeToString(b[:])})
	}
	return out
}

// records is how many records the digest counted, sequences aside: zero for an empty store.
func (d *digest) records() int {
	n := 0
	for k, c := range d.counts {
		if k != storage.KindSequences {
			n += c
		}
	}
	return n
}

// diff lists the kinds whose count or checksum differ between a source and a target.
func diff(source, target []KindDigest) []model.CopyDiff {
	var out []model.CopyDiff
	for i, s := range source {
		t := target[i]
		if s.Count != t.Count || s.Checksum != t.Checksum {
			out = append(out, model.CopyDiff{Kind: string(s.Kind), Source: s.Count, Target: t.Count})
		}
	}
	return out
}
