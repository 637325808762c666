package dev.toolgate.tools;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.util.regex.Pattern;

/**
 * The {@code email} format as a syntax check only: one {@code @}, no spaces, a dotted domain, at most 254
 * characters. The validator's own check also looks the top-level domain up in a fixed list, which would refuse
 * addresses the upstream accepts (new or reserved domains such as {@code example}); the upstream stays the judge of
 * whether an address exists.
 */
final class EmailSyntax implements Format {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final int MAX_LENGTH = 254;

    @Override
    public String getName() {
        return "email";
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
        return value.length() <= MAX_LENGTH && ADDRESS.matcher(value).matches();
    }
}
