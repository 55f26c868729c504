// Package usercodec is the compact binary encoding of a directory user that both stores keep:
// a million users decode in a fraction of the time JSON takes, which is what opening a big
// directory costs. storage/bolt keeps it as the value of the users bucket, storage/postgres in
// the data column of the users table.
package usercodec

import (
	"encoding/binary"
	"fmt"
	"math"
	"time"

	"rollcall/model"
	"rollcall/storage"
)

// userFormatV1 is the leading byte of a user record. A future layout gets a new byte and the
// decoder keeps reading the old ones, so records never need rewriting in bulk.
//
// Layout after the format byte (uvarint unless noted, varint = zigzag signed):
//
//	OrgID, Profile, flags (1 LocalAdmin, 2 CreatedByHand), ByHand,
//	BirthDate as varint year, month, day,
//	ActivatedAt, CreatedAt, UpdatedAt, PendingSince as times (see appendTime),
//	len(ClassIDs), len(GroupIDs), len(ChildIDs), then the ids of the three lists,
//	LastName, FirstName, Login, Email, Language, Source, ExternalID, ActivationCode,
//	PasswordHash as length-prefixed bytes.
//
// The id is the key (the bucket key, the table's id column) and is not repeated. The list lengths come first so the decoder
// can check them against the remaining bytes and allocate the three lists at once.
//
// userFormatV2 is V1 followed by Functions then Subjects, each a count and length-prefixed
// strings. A user with neither is still written as V1, so most records keep their size.
//
// userFormatV3 is V2 followed by SuspendedAt (a time); only a suspended user is written so.
//
// userFormatV4 is V3 followed by History: a count, then for each year its label and its
// classes and groups as counted lists of strings. Only users with a history are written so.
const (
	userFormatV1 = 1
	userFormatV2 = 2
	userFormatV3 = 3
	userFormatV4 = 4
)

const (
	userFlagLocalAdmin = 1 << iota
	userFlagCreatedByHand
	userFlagsKnown = userFlagLocalAdmin | userFlagCreatedByHand
)

// Encode returns the record of u in a new slice (a store may keep the slice until commit, so it
// must not be reused). It fails only on a time that unix nanoseconds cannot hold (before 1678
// or after 2262), rather than store a wrong one.
func Encode(u *model.User) ([]byte, error) {
	n := 48 + 3*8 + len(u.LastName) + len(u.FirstName) + len(u.Login) + len(u.Email) + len(u.Language) +
		len(u.Source) + len(u.ExternalID) + len(u.ActivationCode) + len(u.PasswordHash) +
		4*(len(u.ClassIDs)+len(u.GroupIDs)+len(u.ChildIDs))
	for _, list := range [...][]string{u.Functions, u.Subjects} {
		for _, f := range list {
			n += len(f) + 2
		}
	}
	for _, y := range u.History {
		n += len(y.Year) + 3
		for _, list := range [...][]string{y.Classes, y.Groups} {
			for _, f := range list {
				n += len(f) + 2
			}
		}
	}
	b := make([]byte, 0, n)
	format := byte(userFormatV1)
	if len(u.Functions) > 0 || len(u.Subjects) > 0 {
		format = userFormatV2
	}
	if !u.SuspendedAt.IsZero() {
		format = userFormatV3
	}
	if len(u.History) > 0 {
		format = userFormatV4
	}
	b = append(b, format)
	b = binary.AppendUvarint(b, uint64(u.OrgID))
	b = binary.AppendUvarint(b, uint64(u.Profile))
	var flags uint64
	if u.LocalAdmin {
		flags |= userFlagLocalAdmin
	}
	if u.CreatedByHand {
		flags |= userFlagCreatedByHand
	}
	b = binary.AppendUvarint(b, flags)
	b = binary.AppendUvarint(b, uint64(u.ByHand))
	if d := u.BirthDate; !fitsInt32(d.Year) || !fitsInt32(int(d.Month)) || !fitsInt32(d.Day) {
		return nil, fmt.Errorf("user %d: birth date %d-%d-%d is out of range", u.ID, d.Year, d.Month, d.Day)
	}
	b = binary.AppendVarint(b, int64(u.BirthDate.Year))
	b = binary.AppendVarint(b, int64(u.BirthDate.Month))
	b = binary.AppendVarint(b, int64(u.BirthDate.Day))
	for _, t := range [...]struct {
		name string
		t    time.Time
	}{{"activated", u.ActivatedAt}, {"created", u.CreatedAt}, {"updated", u.UpdatedAt}, {"pending", u.PendingSince}} {
		var err error
		if b, err = appendTime(b, t.t); err != nil {
			return nil, fmt.Errorf("user %d: %s time: %w", u.ID, t.name, err)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(u.ClassIDs)))
	b = binary.AppendUvarint(b, uint64(len(u.GroupIDs)))
	b = binary.AppendUvarint(b, uint64(len(u.ChildIDs)))
	for _, list := range [...][]model.ID{u.ClassIDs, u.GroupIDs, u.ChildIDs} {
		for _, id := range list {
			b = binary.AppendUvarint(b, uint64(id))
		}
	}
	for _, s := range [...]string{u.LastName, u.FirstName, u.Login, u.Email, string(u.Language),
		u.Source, u.ExternalID, u.ActivationCode, u.PasswordHash} {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	if format >= userFormatV2 {
		b = appendStrs(b, u.Functions)
		b = appendStrs(b, u.Subjects)
	}
	if format >= userFormatV3 {
		var err error
		if b, err = appendTime(b, u.SuspendedAt); err != nil {
			return nil, fmt.Errorf("user %d: suspended time: %w", u.ID, err)
		}
	}
	if format >= userFormatV4 {
		b = binary.AppendUvarint(b, uint64(len(u.History)))
		for _, y := range u.History {
			b = binary.AppendUvarint(b, uint64(len(y.Year)))
			b = append(b, y.Year...)
			b = appendStrs(b, y.Classes)
			b = appendStrs(b, y.Groups)
		}
	}
	return b, nil
}

// appendStrs writes a count and that many length-prefixed strings.
func appendStrs(b []byte, list []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(list)))
	for _, s := range list {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	return b
}

// appendTime writes 0 for the zero time, so IsZero survives, and otherwise zigzag(unix nanos)+1,
// so that the Unix epoch itself stays distinct from "no time".
func appendTime(b []byte, t time.Time) ([]byte, error) {
	if t.IsZero() {
		return append(b, 0), nil
	}
	ns := t.UnixNano()
	if ns == math.MinInt64 || !time.Unix(0, ns).Equal(t) {
		return b, fmt.Errorf("%s is out of range", t.Format(time.RFC3339))
	}
	return binary.AppendUvarint(b, uint64(ns<<1)^uint64(ns>>63)+1), nil
}

// Decode fills u (all fields but ID, which is the key) from a record. Corrupt input of any
// kind returns an error wrapping storage.ErrCorrupt; it never panics and never allocates more
// than the record's size. Times come back in UTC; empty id lists come back nil.
//
// It makes two allocations whatever the user: the three id lists share one array, and the
// string fields are slices of one copy of the record's string bytes (data belongs to the store and
// dies with the transaction). That made decoding ~2x faster than a copy per field. The price:
// keeping any one field keeps the whole ~100-250 bytes alive, so a caller that keeps a single
// field of many users should strings.Clone it (the app's index copies into its own arena).
func Decode(data []byte, u *model.User) error {
	if len(data) == 0 {
		return fmt.Errorf("%w: empty user record", storage.ErrCorrupt)
	}
	if data[0] < userFormatV1 || data[0] > userFormatV4 {
		return fmt.Errorf("%w: unknown user record format %d", storage.ErrCorrupt, data[0])
	}
	r := reader{b: data[1:]}
	u.OrgID = model.ID(r.uvarint())
	u.Profile = model.Profile(r.bounded(math.MaxUint8, "profile"))
	flags := r.bounded(userFlagsKnown, "flags")
	u.LocalAdmin = flags&userFlagLocalAdmin != 0
	u.CreatedByHand = flags&userFlagCreatedByHand != 0
	u.ByHand = model.FieldSet(r.bounded(math.MaxUint16, "field set"))
	u.BirthDate = model.Date{Year: r.int(), Month: time.Month(r.int()), Day: r.int()}
	u.ActivatedAt = r.time()
	u.CreatedAt = r.time()
	u.UpdatedAt = r.time()
	u.PendingSince = r.time()
	nc, ng, nk := r.count(), r.count(), r.count()
	if total := nc + ng + nk; r.err == nil && total > 0 {
		if total > len(r.b) { // every id takes at least one byte
			r.fail("id lists longer than the record")
		} else {
			ids := make([]model.ID, total)
			for i := range ids {
				ids[i] = model.ID(r.uvarint())
			}
			u.ClassIDs = nilIfEmpty(ids[:nc:nc])
			u.GroupIDs = nilIfEmpty(ids[nc : nc+ng : nc+ng])
			u.ChildIDs = nilIfEmpty(ids[nc+ng:])
		}
	} else {
		u.ClassIDs, u.GroupIDs, u.ChildIDs = nil, nil, nil
	}
	// The strings are the rest of the record: one copy out of the store's memory, then slices of it.
	blob := string(r.b)
	u.LastName = r.str(blob)
	u.FirstName = r.str(blob)
	u.Login = r.str(blob)
	u.Email = r.str(blob)
	u.Language = model.Language(r.str(blob))
	u.Source = r.str(blob)
	u.ExternalID = r.str(blob)
	u.ActivationCode = r.str(blob)
	u.PasswordHash = r.str(blob)
	u.Functions, u.Subjects, u.SuspendedAt, u.History = nil, nil, time.Time{}, nil
	if data[0] >= userFormatV2 {
		u.Functions = r.strs(blob)
		u.Subjects = r.strs(blob)
	}
	if data[0] >= userFormatV3 {
		u.SuspendedAt = r.time()
	}
	if data[0] >= userFormatV4 {
		u.History = r.history(blob)
	}
	if r.err == nil && len(r.b) != 0 {
		r.fail("trailing bytes")
	}
	return r.err
}

func fitsInt32(v int) bool { return v >= math.MinInt32 && v <= math.MaxInt32 }

func nilIfEmpty(ids []model.ID) []model.ID {
	if len(ids) == 0 {
		return nil
	}
	return ids
}

// reader decodes varints and strings with a sticky error: after the first failure every read
// returns a zero value, so Decode checks once at the end.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(what string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: user record: %s", storage.ErrCorrupt, what)
	}
	r.b = nil
}

func (r *reader) uvarint() uint64 {
	if len(r.b) > 0 && r.b[0] < 0x80 { // one-byte fast path: most fields
		v := uint64(r.b[0])
		r.b = r.b[1:]
		return v
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("bad varint")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// bounded reads a uvarint that must not exceed max.
func (r *reader) bounded(max uint64, what string) uint64 {
	v := r.uvarint()
	if v > max {
		r.fail(what + " out of range")
		return 0
	}
	return v
}

// int reads a zigzag varint that must fit an int32 (dates).
func (r *reader) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("bad varint")
		return 0
	}
	r.b = r.b[n:]
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.fail("date out of range")
		return 0
	}
	return int(v)
}

// count reads a list length, bounded by the bytes left.
func (r *reader) count() int {
	return int(r.bounded(uint64(len(r.b)), "list length"))
}

func (r *reader) time() time.Time {
	v := r.uvarint()
	if v == 0 {
		return time.Time{}
	}
	v--
	ns := int64(v>>1) ^ -int64(v&1)
	return time.Unix(0, ns).UTC()
}

// str reads a length-prefixed string and returns it as a slice of blob, which is a copy of
// what r had left when the strings began: both end at the same byte.
// strs reads a count and that many strings; none comes back nil.
func (r *reader) strs(blob string) []string {
	n := r.count()
	if n == 0 || r.err != nil {
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str(blob)
	}
	if r.err != nil {
		return nil
	}
	return out
}

// history reads a person's years: a count, then each year's label, classes and groups. Every
// year takes at least three bytes, which bounds the count by what is left.
func (r *reader) history(blob string) []model.YearRecord {
	n := r.count()
	if n == 0 || r.err != nil {
		return nil
	}
	if n > len(r.b)/3 {
		r.fail("history longer than the record")
		return nil
	}
	out := make([]model.YearRecord, n)
	for i := range out {
		out[i] = model.YearRecord{Year: r.str(blob), Classes: r.strs(blob), Groups: r.strs(blob)}
	}
	if r.err != nil {
		return nil
	}
	return out
}

func (r *reader) str(blob string) string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail("string longer than the record")
		return ""
	}
	off := len(blob) - len(r.b)
	r.b = r.b[n:]
	return blob[off : off+int(n)]
}

// OrgID reads only the organization of a user record: a walk that keeps the users of some
// schools skips the others' without decoding them. A record Decode would refuse may still give
// an id; the walk decodes the ones it keeps.
func OrgID(data []byte) (model.ID, error) {
	if len(data) == 0 || data[0] < userFormatV1 || data[0] > userFormatV4 {
		return 0, fmt.Errorf("%w: not a user record", storage.ErrCorrupt)
	}
	id, n := binary.Uvarint(data[1:])
	if n <= 0 {
		return 0, fmt.Errorf("%w: user record without an organization", storage.ErrCorrupt)
	}
	return model.ID(id), nil
}
