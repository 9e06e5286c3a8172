package io.flipside.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PseudonymizerTest {
    /**
     * SPEC §6: the first 16 bytes of HMAC-SHA256(key, id) as lowercase hex. Golden values from Python's
     * standard library: {@code hmac.new(key.encode(), id.encode(), hashlib.sha256).hexdigest()[:32]}.
     */
    @Test
    void pseudonymIsTheTruncatedHmacOfTheUtf8Id() {
        assertThat(Pseudonymizer.withKey("k").pseudonym("E1")).isEqualTo("a8c83becfe20eb83f640de5f20a5e3b8");
        assertThat(Pseudonymizer.withKey("secret key").pseudonym("E000123")).isEqualTo("6c126c856b33149c1d60ed659aaba358");
        assertThat(Pseudonymizer.withKey("k").pseudonym("Zoë")).isEqualTo("de3aa8ebc2a53ed413626658c780f421");
        assertThat(Pseudonymizer.withKey("k").pseudonym(null)).isNull();
    }

    /** Past the ids it remembers, and after forgetting them, every answer is still the HMAC's. */
    @Test
    void rememberingIdsNeverChangesAnAnswer() {
        Pseudonymizer reused = Pseudonymizer.withKey("k");
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 150_000; i++) {
            first.add(reused.pseudonym("E" + i));
        }
        for (int i = 149_999; i >= 0; i -= 7) {
            assertThat(reused.pseudonym("E" + i)).isEqualTo(first.get(i));
        }
        Pseudonymizer fresh = Pseudonymizer.withKey("k");
        for (int i = 0; i < 150_000; i += 997) {
            assertThat(fresh.pseudonym("E" + i)).isEqualTo(first.get(i));
        }
        assertThat(first.get(1)).isEqualTo(Pseudonymizer.withKey("k").pseudonym("E1"))
                .isEqualTo("a8c83becfe20eb83f640de5f20a5e3b8");
    }

    /** A copy for another thread keeps the key (a random one too) and how stable it is. */
    @Test
    void aCopyGivesTheSamePseudonyms() {
        Pseudonymizer random = Pseudonymizer.randomKey();
        assertThat(random.copy().pseudonym("E1")).isEqualTo(random.pseudonym("E1"));
        assertThat(random.copy().stable()).isFalse();
        assertThat(Pseudonymizer.withKey("k").copy().pseudonym("E1")).isEqualTo("a8c83becfe20eb83f640de5f20a5e3b8");
        assertThat(Pseudonymizer.withKey("k").copy().stable()).isTrue();
    }
}
