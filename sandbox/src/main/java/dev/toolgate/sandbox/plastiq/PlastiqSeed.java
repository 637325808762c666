package dev.toolgate.sandbox.plastiq;

/**
 * Ids of the data every new {@link PlastiqSandbox} starts with, for tests and demo scripts. All ids are UUIDs, as
 * Plastiq's are. Amounts below are US dollars.
 */
public final class PlastiqSeed {
    /** Harbor Coffee Roasters (California), with an EIN on file; owns the three active payment methods below. */
    public static final String PAYER_ID = "5b0e7c1a-2f4d-4e8a-9c3b-7d1e6f2a9b01";
    /** Lone Star Dental (Texas), no tax id on file: its Texas card is INACTIVE with PAYMENT_METHOD_REQUIRES_TIN. */
    public static final String PAYER_WITHOUT_TIN_ID = "5b0e7c1a-2f4d-4e8a-9c3b-7d1e6f2a9b02";

    /** Visa credit card ending 4242 of {@link #PAYER_ID}, ACTIVE. */
    public static final String CARD_PAYMENT_METHOD_ID = "7c2d9e4f-1a3b-4c5d-8e6f-0a1b2c3d4e01";
    /** Mastercard debit card ending 5454 of {@link #PAYER_ID}, ACTIVE. */
    public static final String DEBIT_CARD_PAYMENT_METHOD_ID = "7c2d9e4f-1a3b-4c5d-8e6f-0a1b2c3d4e02";
    /** Checking account ending 6789 of {@link #PAYER_ID}, ACTIVE. */
    public static final String BANK_PAYMENT_METHOD_ID = "7c2d9e4f-1a3b-4c5d-8e6f-0a1b2c3d4e03";
    /** Visa card ending 1881 of {@link #PAYER_WITHOUT_TIN_ID}, billed in Texas: INACTIVE, PAYMENT_METHOD_REQUIRES_TIN. */
    public static final String TIN_BLOCKED_PAYMENT_METHOD_ID = "7c2d9e4f-1a3b-4c5d-8e6f-0a1b2c3d4e04";

    /** Category "Software & Web Services". */
    public static final String WEB_SERVICES_CATEGORY_ID = "c0a1b2c3-0000-4000-8000-000000000003";
    /** Category "Office Supplies". */
    public static final String OFFICE_SUPPLIES_CATEGORY_ID = "c0a1b2c3-0000-4000-8000-000000000004";

    /** ACH recipient "Pacific Produce Supply", private to {@link #PAYER_ID}. */
    public static final String ACH_RECIPIENT_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c01";
    /** CHECK recipient "Bayview Property Management", shared. */
    public static final String CHECK_RECIPIENT_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c02";
    /** WIRE recipient "Northstar Equipment Leasing", shared. */
    public static final String WIRE_RECIPIENT_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c03";
    /** EFT (Canada) recipient "Maple Leaf Printing Ltd.", shared: card payments to it add a cross-border fee. */
    public static final String EFT_RECIPIENT_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c04";
    /** INACTIVE ACH recipient "Old Harbor Linen Service", shared: intents to it are NOT_CAPTURABLE. */
    public static final String INACTIVE_RECIPIENT_ID = "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c05";

    /** Biller group "Omega Web Hosting", holding the two billers below. */
    public static final String OMEGA_GROUP_ID = "b1000000-0000-4000-8000-00000000000a";
    /** Biller "Omega Web Hosting, Inc." (Austin, TX; ACH). */
    public static final String OMEGA_BILLER_ID = "b1000000-0000-4000-8000-0000000000a1";
    /** Biller "Omega Web Hosting Canada ULC" (Toronto; EFT). */
    public static final String OMEGA_CANADA_BILLER_ID = "b1000000-0000-4000-8000-0000000000a2";

    /** Payment of {@link #PAYER_ID}: $1,200.00 to the check recipient, DEPOSITED (a refund answers REFUND_FAILED). */
    public static final String DEPOSITED_PAYMENT_ID = "d0e1f2a3-b4c5-4d6e-8f70-8192a3b4c501";
    /** Payment of {@link #PAYER_ID}: $450.00 to the ACH recipient, IN_TRANSIT. */
    public static final String IN_TRANSIT_PAYMENT_ID = "d0e1f2a3-b4c5-4d6e-8f70-8192a3b4c502";
    /** Payment of {@link #PAYER_ID}: $120.00 to the Omega biller, CHARGED (refundable). */
    public static final String CHARGED_PAYMENT_ID = "d0e1f2a3-b4c5-4d6e-8f70-8192a3b4c503";
    /** Payment intent of {@link #PAYER_ID} that expired yesterday: paying it is refused. */
    public static final String EXPIRED_INTENT_ID = "e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e601";

    private PlastiqSeed() {}
}
