package i18n

import (
	"fmt"
	"strings"
	"testing"

	"rollcall/model"
)

// A first import that makes hundreds of classes names a few and counts the rest.
func TestImportCreatedSetsNamesAFew(t *testing.T) {
	classes := make([]string, 300)
	for i := range classes {
		classes[i] = fmt.Sprintf("C%03d", i)
	}
	lines := For(model.English).ImportCreatedSets(nil, classes, []string{"LATIN"})
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "Classes created: C000, C001") || !strings.HasSuffix(lines[0], "C011, … and 288 more") ||
		lines[1] != "Groups created: LATIN" {
		t.Fatalf("lines = %q", lines)
	}
}
