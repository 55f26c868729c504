package app

import (
	"bytes"
	"slices"
	"sort"
	"strings"
)

// The states of a login in a loginSet: free, taken, or (once it served as a base for new
// logins) the next number to try after it, 2 and up.
const (
	loginFree  = 0
	loginTaken = 1
)

// loginSet holds every login in use (lower case): the store's, read once in byte order into
// one arena and searched by halves, and this import's own in a map. A store of a million users
// costs an import a few megabytes and no map of a million strings.
type loginSet struct {
	arena  []byte
	ends   []uint32 // end of each stored login in arena; they are sorted
	sorted bool     // so far, the stored logins came in order
	mine   map[string]int
}

func newLoginSet(records int) loginSet {
	return loginSet{sorted: true, mine: make(map[string]int, records)}
}

// addStored appends a login of the store (read from its login index, so in order).
func (s *loginSet) addStored(key []byte) {
	if n := len(s.ends); s.sorted && n > 0 && bytes.Compare(s.stored(n-1), key) >= 0 {
		s.sorted = false
	}
	s.arena = append(s.arena, key...)
	s.ends = append(s.ends, uint32(len(s.arena)))
}

// sort puts the stored logins in order when they did not come so.
func (s *loginSet) sort() {
	if s.sorted {
		return
	}
	keys := make([]string, len(s.ends))
	for i := range keys {
		keys[i] = string(s.stored(i))
	}
	slices.Sort(keys)
	s.arena, s.ends = s.arena[:0], s.ends[:0]
	for _, k := range keys {
		s.arena = append(s.arena, k...)
		s.ends = append(s.ends, uint32(len(s.arena)))
	}
	s.sorted = true
}

func (s *loginSet) stored(i int) []byte {
	start := uint32(0)
	if i > 0 {
		start = s.ends[i-1]
	}
	return s.arena[start:s.ends[i]]
}

// get is the state of a lower-case login.
func (s *loginSet) get(key string) int {
	if v, ok := s.mine[key]; ok {
		return v
	}
	i := sort.Search(len(s.ends), func(i int) bool { return string(s.stored(i)) >= key })
	if i < len(s.ends) && string(s.stored(i)) == key {
		return loginTaken
	}
	return loginFree
}

// set records the state of a lower-case login.
func (s *loginSet) set(key string, v int) { s.mine[key] = v }

// loginKey is the form logins are compared in.
func loginKey(login string) string { return strings.ToLower(login) }
