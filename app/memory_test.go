package app

import (
	"context"
	"math"
	"testing"
)

// TestImportHoldsTheProcessToItsBudget: every import, from any face, sets the memory limit to
// what the process held before plus the budget of the users read so far, and gives the previous
// limit back once it ends, failed or not.
func TestImportHoldsTheProcessToItsBudget(t *testing.T) {
	f := newFixture(t)
	var limits []int64
	current := int64(math.MaxInt64)
	f.app.memory.set = func(l int64) int64 {
		prev := current
		current = l
		limits = append(limits, l)
		return prev
	}
	ctx := context.Background()
	admin := schoolAdmin(t, f)
	path := writeStudents(t, t.TempDir(), classRoster(30))
	if _, err := f.app.importFiles(ctx, admin, inputs(path), ImportOptions{}, nil); err != nil {
		t.Fatal(err)
	}
	if len(limits) < 3 || current != math.MaxInt64 {
		t.Fatalf("limits set %v, left at %d: want a limit per step and the old one given back", limits, current)
	}
	base := limits[0] - ImportMemoryBudget(0) + importHeadroom
	if top := limits[len(limits)-2]; top != base+ImportMemoryBudget(30)-importHeadroom {
		t.Errorf("limit during the import of 30 users = %d, want %d", top, base+ImportMemoryBudget(30)-importHeadroom)
	}
	limits = nil
	if _, err := f.app.importFiles(ctx, admin, inputs(t.TempDir()), ImportOptions{}, nil); err == nil {
		t.Fatal("an empty folder imported")
	}
	if len(limits) == 0 || current != math.MaxInt64 {
		t.Errorf("a failed import set %v and left the limit at %d", limits, current)
	}
}
