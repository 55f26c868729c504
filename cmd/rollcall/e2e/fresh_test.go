package e2e

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTheSourcesAreWatched makes go test's cache see what the binary these tests drive is built
// from. The tests run it by exec, which the cache does not follow, so a change anywhere in
// Rollcall would otherwise replay an old result; a Stat of every Go file is recorded, and a
// changed file makes the package run again.
func TestTheSourcesAreWatched(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	n := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if strings.HasSuffix(path, ".go") {
			if _, err := os.Stat(path); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	if err != nil || n < 100 {
		t.Fatalf("the sources under %s: %d Go files, %v", root, n, err)
	}
}
