package org.vertebra.consent;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;
import org.vertebra.secret.SecretTokens;

/**
 * Records visitors' choices and answers, for the server's own decisions, what a visitor has allowed.
 * A browser's privacy signal (Sec-GPC: 1 or DNT: 1) rules out Statistics and Marketing whatever
 * else is chosen, and a choice made under an older policy version counts as no choice.
 */
public final class ConsentService {

    static final int LOG_PAGE = 500;

    private final ConsentRepository repository;
    private final Supplier<ConsentPolicy> policy;
    private final UnaryOperator<String> addressHash;
    private final Clock clock;

    /**
     * @param policy      the policy in force now (consent/ConsentSettings, which follows the admin's changes)
     * @param addressHash the site's salted hash of a network address (the spam guard's, shared by every server)
     */
    public ConsentService(Jdbi jdbi, Supplier<ConsentPolicy> policy, UnaryOperator<String> addressHash, Clock clock) {
        this.repository = new ConsentRepository(jdbi);
        this.policy = policy;
        this.addressHash = addressHash;
        this.clock = clock;
    }

    public ConsentPolicy policy() {
        return policy.get();
    }

    /** Stores a visitor's choice in the log and returns it, for the cookie. */
    public ConsentChoice choose(Set<ConsentCategory> requested, boolean privacySignal, String address) {
        Set<ConsentCategory> accepted = EnumSet.noneOf(ConsentCategory.class);
        requested.stream().filter(c -> !(privacySignal && c.refusedByPrivacySignal())).forEach(accepted::add);
        ConsentChoice choice = new ConsentChoice(policy().version(), accepted, SecretTokens.newToken().substring(0, 22));
        repository.add(choice, privacySignal, addressHash.apply(address), clock.instant());
        return choice;
    }

    /** Whether this category may run for a visitor with this cookie (null: none) and privacy signal. */
    public boolean allows(ConsentCategory category, String cookie, boolean privacySignal) {
        if (category.required()) {
            return true;
        }
        if (privacySignal && category.refusedByPrivacySignal()) {
            return false;
        }
        return ConsentChoice.parse(cookie).filter(c -> c.policyVersion() == policy().version())
                .map(c -> c.accepts(category)).orElse(false);
    }

    /** The newest entries first, at most {@link #LOG_PAGE}. */
    public List<ConsentRecord> recent() {
        return repository.newest(LOG_PAGE);
    }

    /** Every entry, oldest first, for the export. */
    public void forEach(java.util.function.Consumer<ConsentRecord> each) {
        repository.forEach(each);
    }

    public int count() {
        return repository.count();
    }
}
