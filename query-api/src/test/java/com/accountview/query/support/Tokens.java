package com.accountview.query.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Signs JWTs the way an identity provider would, with an RSA key pair of the test's own; the
 * public half is written as a PEM file for {@code accountview.auth.jwt.public-key-location}.
 * Immutable and thread-safe.
 */
public final class Tokens {

    private final KeyPair keys = rsaKeyPair();

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    /** Writes the public key as an X.509 PEM file and returns its location. */
    public Path writePublicKeyPem() {
        try {
            Path pem = Files.createTempFile("accountview-jwt", ".pub");
            String base64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded());
            Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
            pem.toFile().deleteOnExit();
            return pem;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code iss} of the tokens this test's identity provider mints. */
    public static final String ISSUER = "https://idp.accountview.test/";
    /** The {@code aud} of tokens minted for the query-api. */
    public static final String AUDIENCE = "accountview-query-api";

    /** Claims valid for five minutes, from {@link #ISSUER} for {@link #AUDIENCE}, with these roles and organizations. */
    public static JWTClaimsSet.Builder claims(List<String> roles, List<String> orgs) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("client-" + now.toEpochMilli())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("roles", roles)
                .claim("orgs", orgs);
    }

    /** RS256 with this test's key. */
    public String sign(JWTClaimsSet.Builder claims) {
        return sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()), JWSAlgorithm.RS256, claims);
    }

    /** RS256 with a key the service does not know. */
    public static String signWithUnknownKey(JWTClaimsSet.Builder claims) {
        return sign(new RSASSASigner((RSAPrivateKey) rsaKeyPair().getPrivate()), JWSAlgorithm.RS256, claims);
    }

    /** HS256 with a shared secret: an algorithm the service must refuse. */
    public static String signHs256(JWTClaimsSet.Builder claims) {
        try {
            return sign(new MACSigner("0123456789abcdef0123456789abcdef"), JWSAlgorithm.HS256, claims);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSSigner signer, JWSAlgorithm algorithm, JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims.build());
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
