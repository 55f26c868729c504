package postgres

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"rollcall/model"
	"rollcall/storage"
)

// table is one entity's table: an id from its sequence, unique bytea key columns and the
// record in data. Every method works inside a transaction the caller holds, so one store
// method can combine several tables.
type table[T any] struct {
	kind   string // for messages: "user"
	name   string // the SQL table; its sequence is name_id_seq
	id     func(*T) *model.ID
	encode func(*T) ([]byte, error)
	decode func([]byte, *T) error
	keys   []key[T]
}

// key is a unique column. val returns nil for a record that is not indexed (an empty login):
// NULL never conflicts. label says the key in messages.
type key[T any] struct {
	col   string
	val   func(*T) []byte
	label func(*T) string
}

func jsonEncode[T any](v *T) ([]byte, error) { return json.Marshal(v) }

func jsonDecode[T any](b []byte, v *T) error {
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%w: %v", storage.ErrCorrupt, err)
	}
	return nil
}

// cols is the column list of an insert: id, the keys, data.
func (t *table[T]) cols() []string {
	out := []string{"id"}
	for _, k := range t.keys {
		out = append(out, k.col)
	}
	return append(out, "data")
}

// row returns the values of cols() for v.
func (t *table[T]) row(v *T) ([]any, error) {
	raw, err := t.encode(v)
	if err != nil {
		return nil, fmt.Errorf("%s %d: %w", t.kind, *t.id(v), err)
	}
	out := make([]any, 0, len(t.keys)+2)
	out = append(out, int64(*t.id(v)))
	for _, k := range t.keys {
		out = append(out, k.val(v))
	}
	return append(out, raw), nil
}

// get decodes the record id (storage.ErrNotFound); lock takes its row lock for the transaction.
func (t *table[T]) get(ctx context.Context, tx pgx.Tx, id model.ID, lock bool) (T, error) {
	var v T
	q := "SELECT data FROM " + t.name + " WHERE id = $1"
	if lock {
		q += " FOR UPDATE"
	}
	var raw []byte
	if err := tx.QueryRow(ctx, q, int64(id)).Scan(&raw); errors.Is(err, pgx.ErrNoRows) {
		return v, fmt.Errorf("%s %d: %w", t.kind, id, storage.ErrNotFound)
	} else if err != nil {
		return v, err
	}
	if err := t.decode(raw, &v); err != nil {
		return v, fmt.Errorf("%s %d: %w", t.kind, id, err)
	}
	*t.id(&v) = id
	return v, nil
}

// lookup finds a record by the value of its key column ix.
func (t *table[T]) lookup(ctx context.Context, tx pgx.Tx, ix int, k []byte, label string) (T, error) {
	var v T
	if len(k) == 0 {
		return v, fmt.Errorf("%s %q: %w", t.kind, label, storage.ErrNotFound)
	}
	var id int64
	var raw []byte
	err := tx.QueryRow(ctx, "SELECT id, data FROM "+t.name+" WHERE "+t.keys[ix].col+" = $1", k).Scan(&id, &raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return v, fmt.Errorf("%s %q: %w", t.kind, label, storage.ErrNotFound)
	} else if err != nil {
		return v, err
	}
	if err := t.decode(raw, &v); err != nil {
		return v, fmt.Errorf("%s %d: %w", t.kind, id, err)
	}
	*t.id(&v) = model.ID(id)
	return v, nil
}

// newIDs draws n ids from the table's sequence.
func (t *table[T]) newIDs(ctx context.Context, tx pgx.Tx, n int) ([]model.ID, error) {
	if n == 0 {
		return nil, nil
	}
	rows, err := tx.Query(ctx, "SELECT nextval('"+t.name+"_id_seq') FROM generate_series(1, $1)", n)
	if err != nil {
		return nil, fmt.Errorf("new %s ids: %w", t.kind, err)
	}
	ids, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (model.ID, error) {
		var id int64
		err := r.Scan(&id)
		return model.ID(id), err
	})
	if err != nil {
		return nil, fmt.Errorf("new %s ids: %w", t.kind, err)
	}
	return ids, nil
}

// create gives v the next id and inserts it.
func (t *table[T]) create(ctx context.Context, tx pgx.Tx, v *T) error {
	ids, err := t.newIDs(ctx, tx, 1)
	if err != nil {
		return err
	}
	*t.id(v) = ids[0]
	return t.insert(ctx, tx, v)
}

// insert writes a record whose id was just drawn; a taken key is storage.ErrConflict.
func (t *table[T]) insert(ctx context.Context, tx pgx.Tx, v *T) error {
	vals, err := t.row(v)
	if err != nil {
		return err
	}
	cols := t.cols()
	marks := make([]string, len(cols))
	for i := range marks {
		marks[i] = "$" + strconv.Itoa(i+1)
	}
	_, err = tx.Exec(ctx, "INSERT INTO "+t.name+" ("+strings.Join(cols, ", ")+") VALUES ("+strings.Join(marks, ", ")+")", vals...)
	if err != nil {
		return t.conflict(err, v)
	}
	return nil
}

// updateSQL is the statement update runs: data and keys set by id.
func (t *table[T]) updateSQL() string {
	var b strings.Builder
	b.WriteString("UPDATE " + t.name + " SET ")
	for i, k := range t.keys {
		fmt.Fprintf(&b, "%s = $%d, ", k.col, i+2)
	}
	fmt.Fprintf(&b, "data = $%d WHERE id = $1", len(t.keys)+2)
	return b.String()
}

// update replaces an existing record (storage.ErrNotFound); a taken key is
// storage.ErrConflict.
func (t *table[T]) update(ctx context.Context, tx pgx.Tx, v *T) error {
	vals, err := t.row(v)
	if err != nil {
		return err
	}
	tag, err := tx.Exec(ctx, t.updateSQL(), vals...)
	if err != nil {
		return t.conflict(err, v)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%s %d: %w", t.kind, *t.id(v), storage.ErrNotFound)
	}
	return nil
}

// delete removes a record (storage.ErrNotFound).
func (t *table[T]) delete(ctx context.Context, tx pgx.Tx, id model.ID) error {
	tag, err := tx.Exec(ctx, "DELETE FROM "+t.name+" WHERE id = $1", int64(id))
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("%s %d: %w", t.kind, id, storage.ErrNotFound)
	}
	return nil
}

// ctxEvery is how many records a walk decodes between two looks at its context.
const ctxEvery = 1024

// each decodes every record in id order and calls fn with the same *T each time, zeroed before
// each decode (see storage.UserStore.ForEachUser), stopping on fn's error or when ctx is done.
func (t *table[T]) each(ctx context.Context, tx pgx.Tx, where string, fn func(*T) error, args ...any) error {
	return t.scan(ctx, tx, "SELECT id, data FROM "+t.name+" "+where+" ORDER BY id", fn, args...)
}

// scan is each with the query given whole; it selects id and data.
func (t *table[T]) scan(ctx context.Context, tx pgx.Tx, q string, fn func(*T) error, args ...any) error {
	rows, err := tx.Query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var v, zero T
	n := 0
	for rows.Next() {
		if n++; n%ctxEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		raw := rows.RawValues()
		id, err := rawID(rows.FieldDescriptions()[0], raw[0])
		if err != nil {
			return err
		}
		v = zero
		if err := t.decode(raw[1], &v); err != nil {
			return fmt.Errorf("%s %d: %w", t.kind, id, err)
		}
		*t.id(&v) = id
		if err := fn(&v); err != nil {
			return err
		}
	}
	return rows.Err()
}

// list decodes every record in id order into a new slice.
func (t *table[T]) list(ctx context.Context, tx pgx.Tx) ([]T, error) {
	var out []T
	err := t.each(ctx, tx, "", func(v *T) error {
		out = append(out, *v)
		return nil
	})
	return out, err
}

// rawID reads a bigint column from its wire bytes.
func rawID(fd pgconn.FieldDescription, raw []byte) (model.ID, error) {
	if fd.Format == pgx.BinaryFormatCode {
		if len(raw) != 8 {
			return 0, fmt.Errorf("id of %d bytes: %w", len(raw), storage.ErrCorrupt)
		}
		return model.ID(binary.BigEndian.Uint64(raw)), nil
	}
	id, err := strconv.ParseUint(string(raw), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("id %q: %w", raw, storage.ErrCorrupt)
	}
	return model.ID(id), nil
}

// conflict names the key a unique violation is about, as storage.ErrConflict.
func (t *table[T]) conflict(err error, v *T) error {
	var pg *pgconn.PgError
	if !errors.As(err, &pg) || pg.Code != "23505" {
		return err
	}
	for _, k := range t.keys {
		if strings.Contains(pg.ConstraintName, "_"+k.col+"_") {
			return fmt.Errorf("%s %q is taken: %w", t.kind, k.label(v), storage.ErrConflict)
		}
	}
	return fmt.Errorf("%s: %s: %w", t.kind, pg.Detail, storage.ErrConflict)
}

// orgCodeKey is the key of a code unique within an organization; nil when the code is empty.
func orgCodeKey(org model.ID, code string) []byte {
	if code == "" {
		return nil
	}
	return append(binary.BigEndian.AppendUint64(nil, uint64(org)), code...)
}
