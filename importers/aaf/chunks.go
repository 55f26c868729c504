package aaf

import "rollcall/importers/table"

const (
	// chunkEntries is how many requests the reading goroutine hands over at once: few enough
	// to keep little in flight, enough that handing over costs nothing.
	chunkEntries = 256
	// chunkBytes ends a chunk early once its entries hold that many bytes of values, and an
	// entry's buffer larger than keptBytes is let go once read: a crafted file of huge entries
	// does not multiply its memory by the chunks in flight.
	chunkBytes = 1 << 20
	keptBytes  = 64 << 10
	// chunksInFlight is how many chunks exist per file: one being read, one being turned into
	// records, one waiting.
	chunksInFlight = 3
	// firstChunkEntries is a chunk's room at first: it grows to chunkEntries as a file needs,
	// so a feed of a few entries does not allocate room for hundreds.
	firstChunkEntries = 16
)

// chunk is a run of requests of one file, read ahead of the records made of them.
type chunk struct {
	entries []entry
	n       int             // entries[:n] are read
	bad     *table.RowError // the file is not well-formed after entries[:n]
	read    int             // the file's entries read up to the chunk's end
	offset  int64           // and where in the file that is
	free    chan<- *chunk
}

// release hands the chunk back to the reading goroutine.
func (c *chunk) release() {
	for i := range c.entries[:c.n] {
		if e := &c.entries[i]; cap(e.buf) > keptBytes {
			e.buf = nil
		}
	}
	c.free <- c // never blocks: free holds every chunk
}

// readChunks reads r's requests on a goroutine of its own, in chunks handed over in file order
// on the returned channel, which is closed after the last chunk (one with bad set, or the end
// of the file). stop ends the goroutine and waits for it; the caller must call it, after the
// last chunk or to give up early, and only then close the file.
func readChunks(r *reader) (chunks <-chan *chunk, stop func()) {
	out := make(chan *chunk, chunksInFlight)
	free := make(chan *chunk, chunksInFlight)
	for range chunksInFlight {
		free <- &chunk{entries: make([]entry, firstChunkEntries), free: free}
	}
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		defer close(out)
		read := 0
		for {
			var c *chunk
			select {
			case c = <-free:
			case <-quit:
				return
			}
			last := r.fill(c)
			read += c.n
			c.read, c.offset = read, r.s.Offset()
			select {
			case out <- c:
			case <-quit:
				return
			}
			if last {
				return
			}
		}
	}()
	return out, func() {
		close(quit)
		<-done
	}
}

// fill reads requests into c up to its size or chunkBytes, and reports whether the file ended.
func (r *reader) fill(c *chunk) (last bool) {
	c.n, c.bad = 0, nil
	held := 0
	for c.n < chunkEntries && held < chunkBytes {
		if c.n == len(c.entries) {
			c.entries = append(c.entries, make([]entry, min(len(c.entries), chunkEntries-len(c.entries)))...)
		}
		r.e = &c.entries[c.n]
		e, bad := r.next()
		if bad != nil {
			c.bad = bad
			return true
		}
		if e == nil {
			return true
		}
		held += len(e.buf)
		c.n++
	}
	return false
}
