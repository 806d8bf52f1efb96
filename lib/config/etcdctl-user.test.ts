import { describe, expect, it } from "vitest";
import { etcdctlUser } from "./etcdctl-user";

describe("etcdctlUser", () => {
  it("is undefined when neither variable is set", () => {
    expect(etcdctlUser({})).toBeUndefined();
  });

  it("splits user:password at the first colon, as etcdctl --user does", () => {
    expect(etcdctlUser({ ETCDCTL_USER: "dashboard:pa:ss" })).toEqual({
      username: "dashboard",
      password: "pa:ss",
    });
  });

  it("takes the whole of ETCDCTL_USER as the name when ETCDCTL_PASSWORD is set", () => {
    expect(etcdctlUser({ ETCDCTL_USER: "dash:board", ETCDCTL_PASSWORD: "s3cret" })).toEqual({
      username: "dash:board",
      password: "s3cret",
    });
  });

  it("refuses a user without a password, and a password without a user", () => {
    expect(() => etcdctlUser({ ETCDCTL_USER: "dashboard" })).toThrow(
      /ETCDCTL_USER names a user without a password/,
    );
    expect(() => etcdctlUser({ ETCDCTL_USER: "dashboard:" })).toThrow(/without a password/);
    expect(() => etcdctlUser({ ETCDCTL_PASSWORD: "s3cret" })).toThrow(
      /ETCDCTL_PASSWORD is set without ETCDCTL_USER/,
    );
  });
});
