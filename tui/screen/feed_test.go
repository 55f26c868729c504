package screen

import "testing"

// A job that reports faster than its screen reads never blocks, and the screen reads the
// latest progress; once the job has returned, the wait ends without a message.
func TestFeedKeepsTheLatestAndEnds(t *testing.T) {
	f := NewFeed[int]()
	for i := 1; i <= 100; i++ {
		f.Put(i) // no reader yet: must not block
	}
	msg, ok := f.Wait(7)().(Progress[int])
	if !ok || msg.ID != 7 || msg.P != 100 {
		t.Fatalf("got %#v, want the latest progress (100) of request 7", msg)
	}
	f.Set(func(p *int) { *p++ })
	if msg := f.Wait(7)().(Progress[int]); msg.P != 101 {
		t.Errorf("after Set: %d, want 101", msg.P)
	}
	f.Close()
	if msg := f.Wait(7)(); msg != nil {
		t.Errorf("after the job returned the wait gave %#v", msg)
	}
}
