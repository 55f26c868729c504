package model

import (
	"fmt"
	"strings"
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
