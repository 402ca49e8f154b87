package hk.post.ecert.counter.infrastructure.ca;

import hk.post.ecert.counter.domain.model.issuance.IssuedCertificateRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The CA's records in memory, for tests of the CA without a database. */
final class InMemoryCaRecords implements CaRecords {

    private final Map<String, IssuedCertificateRecord> issued = new LinkedHashMap<>();
    private final Map<String, Long> crlNumbers = new HashMap<>();

    @Override
    public void add(IssuedCertificateRecord r) {
        issued.put(r.serialHex(), r);
    }

    @Override
    public Optional<IssuedCertificateRecord> find(String serialHex) {
        return Optional.ofNullable(issued.get(serialHex));
    }

    @Override
    public List<IssuedCertificateRecord> revoked(String issuingCa) {
        List<IssuedCertificateRecord> out = new ArrayList<>();
        issued.values().stream().filter(r -> r.issuingCa().equals(issuingCa) && r.revoked()).forEach(out::add);
        return out;
    }

    @Override
    public long nextCrlNumber(String issuingCa) {
        return crlNumbers.merge(issuingCa, 1L, Long::sum);
    }
}
