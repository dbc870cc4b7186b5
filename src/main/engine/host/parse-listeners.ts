// Parses `ss -Hlntup`: the parser lives in netcore (the privileged helper checks host ports with it too).
export { parseListeners, type Listener } from '../../netcore/host/parse-listeners';
