package postgres

import (
	"context"
	"slices"
	"testing"
)

// TestEveryTableIsCopied holds a new table to be copied by `rollcall migrate`, or named here as
// one derived from the others or as the schema's own.
func TestEveryTableIsCopied(t *testing.T) {
	t.Parallel()
	s := openTemp(t)
	defer s.Close()
	ctx := context.Background()
	rows, err := s.pool.Query(ctx, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, name)
	}
	if err := rows.Err(); err != nil || len(tables) < 10 {
		t.Fatalf("tables %v: %v", tables, err)
	}
	derived := []string{"schema_version", "user_changes"}
	kinds := copyKinds()
	for _, name := range tables {
		if !slices.Contains(derived, name) && !slices.ContainsFunc(kinds, func(k copyKind) bool { return k.table == name }) {
			t.Errorf("table %q is neither copied (copyKinds) nor derived", name)
		}
	}
}
