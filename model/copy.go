package model

import (
	"fmt"
	"strings"
)

// The sentences of a copy's refusals; each takes the *CopyMismatchError.
const (
	MsgCopyDiffers  MsgID = "migrate.copy_differs" // written, and read back different (exit code 7)
	MsgCopyNotEmpty MsgID = "migrate.not_empty"    // the target held other records: nothing written
)

// CopyDiff is one kind of record ("users") whose count or checksum differs between the source
// of a copy between databases (`rollcall migrate`) and its target. Equal counts mean the same
// number of records with different content.
type CopyDiff struct {
	Kind           string
	Source, Target int
}

// CopyMismatchError says the target of a copy does not hold what the source does. Copied is
// true when the copy was written and its check failed afterwards; false when the target already
// held other records, so nothing was written.
type CopyMismatchError struct {
	Diffs  []CopyDiff
	Copied bool
}

func (e *CopyMismatchError) Error() string {
	parts := make([]string, len(e.Diffs))
	for i, d := range e.Diffs {
		parts[i] = fmt.Sprintf("%s (%d in the source, %d in the target)", d.Kind, d.Source, d.Target)
	}
	if e.Copied {
		return "the copy differs from its source: " + strings.Join(parts, ", ")
	}
	return "the target is not empty and differs from the source: " + strings.Join(parts, ", ")
}

// ErrorKind: a target already holding other records is a conflict (exit code 5); a copy read
// back different is a failure of the copy (its own exit code, 7, follows from its message).
func (e *CopyMismatchError) ErrorKind() Kind {
	if e.Copied {
		return KindInternal
	}
	return KindConflict
}

// ErrorMessage names the refusal; the error is its value, for the kinds it lists.
func (e *CopyMismatchError) ErrorMessage() Message {
	if e.Copied {
		return Message{ID: MsgCopyDiffers, Args: []any{e}}
	}
	return Message{ID: MsgCopyNotEmpty, Args: []any{e}}
}
