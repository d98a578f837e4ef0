/* Reference outputs for RandomSourceTests: xoshiro256** 1.0 and SplitMix64 as published by
   David Blackman and Sebastiano Vigna at https://prng.di.unimi.it/ (xoshiro256starstar.c,
   splitmix64.c), whose notice follows, plus a main() that prints the test data.

   Written in 2018 by David Blackman and Sebastiano Vigna (vigna@acm.org)

   To the extent possible under law, the author has dedicated all copyright
   and related and neighboring rights to this software to the public domain
   worldwide. This software is distributed without any warranty.

   See <http://creativecommons.org/publicdomain/zero/1.0/>.

   Build and run: gcc -O2 -o xoshiro xoshiro256starstar_reference.c && ./xoshiro > xoshiro256starstar-reference.txt */

#include <stdint.h>
#include <stdio.h>

/* splitmix64.c */
static uint64_t x; /* The state can be seeded with any value. */

uint64_t next_splitmix64(void) {
	uint64_t z = (x += 0x9e3779b97f4a7c15);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
	return z ^ (z >> 31);
}

/* xoshiro256starstar.c */
static inline uint64_t rotl(const uint64_t x, int k) {
	return (x << k) | (x >> (64 - k));
}

static uint64_t s[4];

uint64_t next(void) {
	const uint64_t result = rotl(s[1] * 5, 7) * 9;

	const uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];

	s[2] ^= t;

	s[3] = rotl(s[3], 45);

	return result;
}

int main(void) {
	int i;
	/* A fixed state: the first 1000 outputs. */
	s[0] = 1; s[1] = 2; s[2] = 3; s[3] = 4;
	printf("# state 1 2 3 4\n");
	for (i = 0; i < 1000; i++) printf("%016llx\n", (unsigned long long)next());
	/* Seeded as RandomSource(long seed): four SplitMix64 outputs from the seed, then 20 outputs. */
	{
		const int64_t seeds[] = { 0, 42, -1, 1234567890123456789LL, INT64_MIN };
		int j;
		for (j = 0; j < 5; j++) {
			x = (uint64_t)seeds[j];
			s[0] = next_splitmix64(); s[1] = next_splitmix64(); s[2] = next_splitmix64(); s[3] = next_splitmix64();
			printf("# seed %lld\n", (long long)seeds[j]);
			for (i = 0; i < 20; i++) printf("%016llx\n", (unsigned long long)next());
		}
	}
	return 0;
}
