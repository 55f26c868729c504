package qr

// Reed-Solomon error correction over GF(2^8) with the QR polynomial x^8+x^4+x^3+x^2+1.

// gf holds the exponent and logarithm tables, computed once: multiplying through them is what
// keeps 100,000 codes cheap.
type gf struct {
	exp [512]byte
	log [256]byte
}

func newGF() *gf {
	g := &gf{}
	x := 1
	for i := 0; i < 255; i++ {
		g.exp[i] = byte(x)
		g.log[x] = byte(i)
		x <<= 1
		if x&0x100 != 0 {
			x ^= 0x11D
		}
	}
	for i := 255; i < 512; i++ {
		g.exp[i] = g.exp[i-255]
	}
	return g
}

func (g *gf) mul(a, b byte) byte {
	if a == 0 || b == 0 {
		return 0
	}
	return g.exp[int(g.log[a])+int(g.log[b])]
}

// divisor returns the generator polynomial of the given degree, highest coefficient dropped
// (it is always 1), coefficients from the highest power down.
func (g *gf) divisor(degree int) []byte {
	out := make([]byte, degree)
	out[degree-1] = 1
	root := byte(1)
	for i := 0; i < degree; i++ {
		for j := range out {
			out[j] = g.mul(out[j], root)
			if j+1 < len(out) {
				out[j] ^= out[j+1]
			}
		}
		root = g.mul(root, 2)
	}
	return out
}

// remainder writes into ecc (len(divisor) bytes) the error correction codewords of data.
func (g *gf) remainder(data, divisor, ecc []byte) {
	clear(ecc)
	n := len(divisor)
	for _, b := range data {
		factor := b ^ ecc[0]
		copy(ecc, ecc[1:])
		ecc[n-1] = 0
		if factor == 0 {
			continue
		}
		lf := int(g.log[factor])
		for i, c := range divisor {
			if c != 0 {
				ecc[i] ^= g.exp[int(g.log[c])+lf]
			}
		}
	}
}
