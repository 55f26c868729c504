package model

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

func TestDescribeTellsTheSpecificError(t *testing.T) {
	notFound := NewError(KindNotFound, MsgNotFound, "not found")
	conflict := NewError(KindConflict, MsgConflict, "conflict")
	locked := NewError(KindConflict, MsgLocked, "locked")
	corrupt := NewError(KindInternal, MsgCorrupt, "corrupt")
	tests := []struct {
		name string
		err  error
		id   MsgID
		kind Kind
	}{
		{"a sentinel", locked, MsgLocked, KindConflict},
		{"wrapped with context", fmt.Errorf("open x.db: %w", locked), MsgLocked, KindConflict},
		{"a generic one alone", fmt.Errorf("admin 3: %w", notFound), MsgNotFound, KindNotFound},
		{"specific after a generic one", fmt.Errorf("%w (%w)", conflict, locked), MsgLocked, KindConflict},
		{"specific before a generic one", fmt.Errorf("%w (%w)", locked, notFound), MsgLocked, KindConflict},
		{"joined", errors.Join(errors.New("plain"), corrupt), MsgCorrupt, KindInternal},
	}
	for _, tt := range tests {
		c, ok := Describe(tt.err)
		if !ok || c.ErrorMessage().ID != tt.id || c.ErrorKind() != tt.kind || KindOf(tt.err) != tt.kind {
			t.Errorf("%s: Describe = %v %v, KindOf %v; want %s, %v", tt.name, c, ok, KindOf(tt.err), tt.id, tt.kind)
		}
	}
}

// TestKindOfAnErrorWithoutOne: the standard library's missing and existing files keep their
// kinds; anything else that says nothing is internal, and nil is no error of any kind.
func TestKindOfAnErrorWithoutOne(t *testing.T) {
	tests := []struct {
		err  error
		kind Kind
	}{
		{&fs.PathError{Op: "open", Path: "x.csv", Err: fs.ErrNotExist}, KindNotFound},
		{fmt.Errorf("write: %w", fs.ErrExist), KindConflict},
		{errors.New("disk on fire"), KindInternal},
		{nil, KindInternal},
	}
	for _, tt := range tests {
		if _, ok := Describe(tt.err); ok {
			t.Errorf("%v: Describe found a message", tt.err)
		}
		if got := KindOf(tt.err); got != tt.kind {
			t.Errorf("KindOf(%v) = %v, want %v", tt.err, got, tt.kind)
		}
	}
}
